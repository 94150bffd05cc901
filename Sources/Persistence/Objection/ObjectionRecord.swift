import Foundation
import Kinerja

/// One objection (keberatan, migration 0015) as stored, with the evaluator of its evaluation.
public struct ObjectionRecord: Sendable, Equatable, Encodable {
    public var id: UUID
    public var evaluationID: UUID
    public var employeeID: UUID
    public var deciderID: UUID
    /// The pejabat penilai of the evaluation (for the hearing and for visibility).
    public var evaluatorID: UUID?
    public var reasons: String
    /// When the document was received (or the evaluation finalised, when no receipt was recorded).
    public var documentReceivedAt: Date
    public var filedAt: Date
    public var filingDeadline: Date
    /// Nil when the rule set sets no decision window (PP 30/2019 Pasal 59).
    public var decisionDueAt: Date?
    /// `filed` or `decided`.
    public var status: String
    public var employeeExplanation: String?
    public var evaluatorExplanation: String?
    /// `upheld` or `changed` once decided.
    public var outcome: String?
    public var decisionNotes: String?
    public var newRecommendation: String?
    public var previousResult: JSONValue?
    public var newResult: JSONValue?
    public var decidedBy: UUID?
    public var decidedAt: Date?

    /// Still undecided after the end of the decision window's last day.
    public func isOverdue(at now: Date) -> Bool {
        status == "filed" && decisionDueAt.map { now > $0 } == true
    }

    /// Decided after the decision window: allowed, and shown as late (ObjectionStore.decide says why).
    public var decidedLate: Bool {
        guard let decidedAt, let decisionDueAt else { return false }
        return decidedAt > decisionDueAt
    }
}
