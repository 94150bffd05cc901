import Foundation
import Kinerja

/// A keberatan with its evaluation, read by `CycleRecordStore` (migration 0015): what its
/// decision document and its notifications say.
public struct ObjectionDocumentRecord: Sendable, Equatable {
    /// The keberatan.
    public var id: UUID
    /// The evaluation objected to, as it stands now (after a changing decision: the new result).
    public var evaluation: EvaluationDocumentRecord
    /// The atasan pejabat penilai who decides.
    public var deciderID: UUID
    /// `filed` or `decided`.
    public var status: String
    /// The employee's reasons.
    public var reasons: String
    /// When the employee received the evaluation document.
    public var documentReceivedAt: Date
    /// When the keberatan was filed.
    public var filedAt: Date
    /// The decision deadline, when the rule set has one.
    public var decisionDueAt: Date?
    /// The evaluator's explanation at the hearing.
    public var evaluatorExplanation: String?
    /// `upheld` or `changed`, once decided.
    public var outcome: String?
    /// The decider's notes.
    public var decisionNotes: String?
    /// The new recommendation of a changing decision.
    public var newRecommendation: String?
    /// The predikat objected to (`previous_result.predikat`, else the evaluation's).
    public var previousPredikat: String?
    /// The predikat after a changing decision (`new_result.predikat`).
    public var newPredikat: String?
    /// When it was decided.
    public var decidedAt: Date?
    /// The verification code of the evaluation document objected to (the version before a changing decision).
    public var evaluationDocumentCode: String?

    /// A record.
    public init(id: UUID, evaluation: EvaluationDocumentRecord, deciderID: UUID, status: String, reasons: String, documentReceivedAt: Date,
                filedAt: Date, decisionDueAt: Date?, evaluatorExplanation: String?, outcome: String?,
                decisionNotes: String?, newRecommendation: String?, previousPredikat: String?, newPredikat: String?,
                decidedAt: Date?, evaluationDocumentCode: String?) {
        self.id = id
        self.evaluation = evaluation
        self.deciderID = deciderID
        self.status = status
        self.reasons = reasons
        self.documentReceivedAt = documentReceivedAt
        self.filedAt = filedAt
        self.decisionDueAt = decisionDueAt
        self.evaluatorExplanation = evaluatorExplanation
        self.outcome = outcome
        self.decisionNotes = decisionNotes
        self.newRecommendation = newRecommendation
        self.previousPredikat = previousPredikat
        self.newPredikat = newPredikat
        self.decidedAt = decidedAt
        self.evaluationDocumentCode = evaluationDocumentCode
    }
}
