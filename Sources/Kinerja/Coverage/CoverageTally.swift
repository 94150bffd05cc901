/// How many people were excluded and why, as every report of a period shows it (Perbup Karawang
/// 28/2024: exempt employees are not counted as missing, and the report says so).
public struct CoverageTally: Sendable, Equatable, Codable {
    /// One reason with its count.
    public struct ReasonCount: Sendable, Equatable, Codable {
        /// The reason code (`CoverageDecision.Reason.Code`).
        public var code: String
        /// The article, as text.
        public var basis: String?
        /// How many people have this reason (a person may have several).
        public var count: Int
    }

    /// Everyone considered.
    public var total: Int = 0
    /// Obliged people.
    public var obliged: Int = 0
    /// Excluded people.
    public var excluded: Int = 0
    /// Counts by reason, sorted by code then basis.
    public var reasons: [ReasonCount] = []

    /// An empty tally.
    public init() {}

    /// Counts one decision.
    public mutating func add(_ decision: CoverageDecision) {
        add(obliged: decision.obliged, reasons: decision.reasons)
    }

    /// Counts one person, obliged or excluded with `reasons`.
    public mutating func add(obliged isObliged: Bool, reasons list: [CoverageDecision.Reason], people: Int = 1) {
        total += people
        guard !isObliged else {
            obliged += people
            return
        }
        excluded += people
        for reason in list {
            let basis = reason.basis?.description
            if let index = reasons.firstIndex(where: { $0.code == reason.code.rawValue && $0.basis == basis }) {
                reasons[index].count += people
            } else {
                reasons.append(ReasonCount(code: reason.code.rawValue, basis: basis, count: people))
                reasons.sort { ($0.code, $0.basis ?? "") < ($1.code, $1.basis ?? "") }
            }
        }
    }

    /// Adds another tally's counts (e.g. the groups a pengelola kinerja sees).
    public mutating func merge(_ other: CoverageTally) {
        total += other.total
        obliged += other.obliged
        excluded += other.excluded
        for reason in other.reasons {
            if let index = reasons.firstIndex(where: { $0.code == reason.code && $0.basis == reason.basis }) {
                reasons[index].count += reason.count
            } else {
                reasons.append(reason)
            }
        }
        reasons.sort { ($0.code, $0.basis ?? "") < ($1.code, $1.basis ?? "") }
    }
}
