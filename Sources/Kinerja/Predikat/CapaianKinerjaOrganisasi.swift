/// The organisation's achievement for a period, set first in every evaluation (SE MenPANRB 3/2023).
public enum CapaianKinerjaOrganisasi: String, Sendable, Codable, CaseIterable, Hashable {
    /// Istimewa.
    case istimewa
    /// Baik.
    case baik
    /// Butuh Perbaikan.
    case butuhPerbaikan = "butuh-perbaikan"
    /// Kurang.
    case kurang
    /// Sangat Kurang.
    case sangatKurang = "sangat-kurang"

    /// The label used in documents.
    public var label: String {
        switch self {
        case .istimewa: "Istimewa"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang"
        case .sangatKurang: "Sangat Kurang"
        }
    }
}
