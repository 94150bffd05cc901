/// The evaluator's rating of results (hasil kerja) or of behaviour (perilaku kerja) against expectations.
public enum Rating: String, Sendable, Codable, CaseIterable, Hashable {
    /// Di bawah ekspektasi.
    case diBawahEkspektasi = "di-bawah-ekspektasi"
    /// Sesuai ekspektasi.
    case sesuaiEkspektasi = "sesuai-ekspektasi"
    /// Di atas ekspektasi.
    case diAtasEkspektasi = "di-atas-ekspektasi"

    /// The Indonesian wording.
    public var label: String {
        switch self {
        case .diBawahEkspektasi: "di bawah ekspektasi"
        case .sesuaiEkspektasi: "sesuai ekspektasi"
        case .diAtasEkspektasi: "di atas ekspektasi"
        }
    }
}
