/// A predikat as an evaluation stores it, in either model: the national quadrant's five
/// (PermenPANRB 6/2022) or the weighted model's categories (Perbup Pasuruan 117/2019 Pasal 13),
/// which share "sangat-baik", "baik" and "kurang" and add "cukup" and "buruk".
public enum ResultPredikat: String, Sendable, Codable, CaseIterable, Hashable {
    /// Sangat Baik (both models).
    case sangatBaik = "sangat-baik"
    /// Baik (both models).
    case baik
    /// Butuh Perbaikan (quadrant).
    case butuhPerbaikan = "butuh-perbaikan"
    /// Cukup (weighted).
    case cukup
    /// Kurang/Misconduct (quadrant) or Kurang (weighted).
    case kurang
    /// Sangat Kurang (quadrant).
    case sangatKurang = "sangat-kurang"
    /// Buruk (weighted).
    case buruk

    /// The place in the order of merit, 0 best: the quadrant's order, with each weighted category
    /// beside the quadrant predikat it stands for (Cukup beside Butuh Perbaikan, Buruk beside
    /// Sangat Kurang), as Perbup Tanah Laut 2024 Pasal 33 huruf a reads CUKUP, KURANG, SANGAT KURANG.
    public var order: Int {
        switch self {
        case .sangatBaik: 0
        case .baik: 1
        case .butuhPerbaikan, .cukup: 2
        case .kurang: 3
        case .sangatKurang, .buruk: 4
        }
    }

    /// The quadrant predikat of the same name; nil for the weighted model's own Cukup and Buruk.
    public var quadrant: Predikat? { isWeightedOnly ? nil : Predikat(rawValue: rawValue) }

    /// Whether only the weighted model has this value.
    public var isWeightedOnly: Bool { self == .cukup || self == .buruk }

    /// The label used in documents.
    public var label: String {
        switch self {
        case .cukup: "Cukup"
        case .buruk: "Buruk"
        default: Predikat(rawValue: rawValue)?.label ?? rawValue
        }
    }
}
