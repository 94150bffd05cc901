import Foundation

/// The level of a functional post, with its yearly credit-point coefficient (PermenPANRB 1/2023).
public enum JenjangFungsional: String, Sendable, Codable, CaseIterable, Hashable {
    /// Pemula.
    case pemula
    /// Terampil.
    case terampil
    /// Mahir.
    case mahir
    /// Penyelia.
    case penyelia
    /// Ahli Pertama.
    case ahliPertama = "ahli-pertama"
    /// Ahli Muda.
    case ahliMuda = "ahli-muda"
    /// Ahli Madya.
    case ahliMadya = "ahli-madya"
    /// Ahli Utama.
    case ahliUtama = "ahli-utama"

    /// The yearly coefficient.
    public var koefisienTahunan: Decimal {
        switch self {
        case .pemula: Decimal(string: "3.75") ?? 0
        case .terampil: 5
        case .mahir: Decimal(string: "12.5") ?? 0
        case .penyelia: 25
        case .ahliPertama: Decimal(string: "12.5") ?? 0
        case .ahliMuda: 25
        case .ahliMadya: Decimal(string: "37.5") ?? 0
        case .ahliUtama: 50
        }
    }
}
