/// Where one employee's evaluation of a period stands (migration 0015, `evaluations.status`).
public enum EvaluationStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Not obliged in the period (coverage): never asked, reminded or counted as missing.
    case excluded
    /// Obliged, nothing submitted or rated yet.
    case pending
    /// The employee submitted the period's results; the evaluator's window runs.
    case submitted
    /// The evaluator rated; may be re-rated until the group is finalised.
    case rated
    /// Finalised: changes only through an objection decision.
    case final

    /// Obliged and still waiting for the evaluator.
    public var awaitsRating: Bool { self == .pending || self == .submitted }
}
