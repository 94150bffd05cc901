/// The category (sebutan) of a numeric score in the older model (PerKa BKN 1/2013).
public enum WeightedCategory: String, Sendable, Codable, CaseIterable, Hashable, Comparable {
    /// Sangat Baik (91 and above by default).
    case sangatBaik = "sangat-baik"
    /// Baik (76–90).
    case baik
    /// Cukup (61–75).
    case cukup
    /// Kurang (51–60).
    case kurang
    /// Buruk (50 and below).
    case buruk

    /// The Indonesian label.
    public var label: String {
        switch self {
        case .sangatBaik: "Sangat Baik"
        case .baik: "Baik"
        case .cukup: "Cukup"
        case .kurang: "Kurang"
        case .buruk: "Buruk"
        }
    }

    /// 0 for the best category, 4 for the worst.
    public var rank: Int {
        switch self {
        case .sangatBaik: 0
        case .baik: 1
        case .cukup: 2
        case .kurang: 3
        case .buruk: 4
        }
    }

    /// Better categories sort first.
    public static func < (lhs: WeightedCategory, rhs: WeightedCategory) -> Bool {
        lhs.rank < rhs.rank
    }
}
