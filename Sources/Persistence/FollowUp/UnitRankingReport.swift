import Foundation

/// Pemeringkatan kinerja in a perangkat daerah or unit kerja for a period (Perbup Tanah Laut 2024
/// Pasal 29): the final evaluations ranked, with what was not ranked and why.
public struct UnitRankingReport: Sendable, Equatable, Encodable {
    /// One ranked employee.
    public struct Entry: Sendable, Equatable, Encodable {
        /// 1-based; equals share it.
        public var rank: Int
        /// The employee.
        public var employeeID: String
        /// NIP.
        public var nip: String
        /// Name.
        public var name: String
        /// The established predikat.
        public var predikat: String
        /// The weighted model's score.
        public var nilai: Decimal?
        /// The evaluation.
        public var evaluationID: String
    }

    /// The period.
    public var period: EvaluationPeriodInfo
    /// `perangkat-daerah` or `unit-kerja`.
    public var scope: String
    /// The unit's id.
    public var scopeID: String
    /// Whether every evaluation in the unit that is not excluded is final; otherwise the ranking is provisional.
    public var complete: Bool
    /// Evaluations not final yet (pending, submitted, rated), not ranked.
    public var notFinal: Int
    /// The ranking.
    public var entries: [Entry]
    /// Excluded employees, not ranked, by reason.
    public var excluded: ExclusionSummary
    /// The rule.
    public var basis: String
}
