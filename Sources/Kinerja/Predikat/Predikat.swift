/// The rating outcome of an employee in the national model (PermenPANRB 6/2022).
public enum Predikat: String, Sendable, Codable, CaseIterable, Hashable {
    /// Sangat Baik.
    case sangatBaik = "sangat-baik"
    /// Baik.
    case baik
    /// Butuh Perbaikan.
    case butuhPerbaikan = "butuh-perbaikan"
    /// Kurang/Misconduct.
    case kurang
    /// Sangat Kurang.
    case sangatKurang = "sangat-kurang"

    /// The label used in documents.
    public var label: String {
        switch self {
        case .sangatBaik: "Sangat Baik"
        case .baik: "Baik"
        case .butuhPerbaikan: "Butuh Perbaikan"
        case .kurang: "Kurang/Misconduct"
        case .sangatKurang: "Sangat Kurang"
        }
    }
}
