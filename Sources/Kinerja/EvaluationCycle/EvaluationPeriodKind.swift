/// Whether an evaluation period is one of the year's periodic evaluations or the annual one
/// (PermenPANRB 6/2022; SE MenPANRB 3/2023: periodic and annual evaluation).
public enum EvaluationPeriodKind: String, Sendable, Codable, CaseIterable, Hashable {
    /// A month, quarter or half year, by the rule set's cadence.
    case periodic
    /// The whole year.
    case annual
}
