/// The aspect an IKI measures in the quantitative approach: one table row per aspect
/// (documents.md §1; PermenPANRB 6/2022 Lampiran).
public enum AspekIndikator: String, Sendable, Hashable, CaseIterable {
    /// Kuantitas.
    case kuantitas
    /// Kualitas.
    case kualitas
    /// Waktu.
    case waktu
    /// Biaya.
    case biaya

    /// `Kuantitas`, `Kualitas`, `Waktu`, `Biaya`.
    public var label: String {
        switch self {
        case .kuantitas: "Kuantitas"
        case .kualitas: "Kualitas"
        case .waktu: "Waktu"
        case .biaya: "Biaya"
        }
    }
}
