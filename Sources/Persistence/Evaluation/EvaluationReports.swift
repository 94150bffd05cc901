import Foundation
import Kinerja

/// What opening a period created: the period, how many groups, and who is covered.
public struct EvaluationOpening: Sendable, Equatable, Encodable {
    /// The period.
    public var period: EvaluationPeriodRecord
    /// Distribution groups created.
    public var groups: Int
    /// Evaluations created, obliged and excluded, with the exclusion reasons counted.
    public var coverage: CoverageTally
}

/// What finalising a group did.
public struct EvaluationFinalisation: Sendable, Equatable, Encodable {
    /// The group after finalising.
    public var group: EvaluationGroupRecord
    /// Evaluations made final.
    public var finalised: Int
    /// Document jobs queued.
    public var documentsQueued: Int
    /// Violations that only warn (small group); empty otherwise.
    public var warnings: [DistributionCheck.Violation]
}

/// A page of evaluations with the coverage of the same selection (every list says how many
/// were excluded and why).
public struct EvaluationPage: Sendable, Encodable {
    /// The evaluations.
    public var items: [EvaluationRecord]
    /// Pass as `after` for the next page; nil on the last.
    public var nextAfter: UUID?
    /// Everyone in the selection (all pages): obliged, excluded, and the reasons counted.
    public var coverage: CoverageTally
}

/// An evaluator with assessments past their deadline (`assessment_due_at`) and not rated.
public struct OverdueAssessments: Sendable, Equatable, Encodable {
    /// The evaluator.
    public var evaluatorID: UUID
    /// The evaluator's name.
    public var evaluatorName: String
    /// How many are overdue.
    public var count: Int
    /// The earliest deadline passed.
    public var oldestDueAt: Date
    /// The overdue evaluations' ids (at most 50).
    public var evaluationIDs: [UUID]

    private enum CodingKeys: String, CodingKey {
        case evaluatorID = "evaluatorId", evaluatorName, count, oldestDueAt, evaluationIDs = "evaluationIds"
    }

    /// Ids in lower case.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeLowercased(evaluatorID, forKey: .evaluatorID)
        try c.encode(evaluatorName, forKey: .evaluatorName)
        try c.encode(count, forKey: .count)
        try c.encode(oldestDueAt, forKey: .oldestDueAt)
        try c.encode(evaluationIDs.map { $0.uuidString.lowercased() }, forKey: .evaluationIDs)
    }
}
