import Foundation

/// The deadlines of one objection, computed when it is filed.
public struct ObjectionTimeline: Sendable, Equatable {
    /// When the evaluation document was received (or, unrecorded, when the evaluation was finalised).
    public var receivedAt: Date
    /// When the objection was (or would be) filed.
    public var filedAt: Date
    /// The filing deadline, explained.
    public var filing: Explained<Deadline>
    /// The decision deadline, explained; nil when the rule sets none (PP 30/2019 Pasal 59).
    public var decision: Explained<Deadline>?
    /// Whether `filedAt` is after the filing deadline.
    public var isLate: Bool
    /// Where the filing window comes from.
    public var filingBasis: LegalBasis

    /// The end of the filing deadline's last day.
    public var filingDeadline: Date { filing.value.dueInstant ?? filedAt }
    /// The end of the decision deadline's last day, if any.
    public var decisionDueAt: Date? { decision?.value.dueInstant }
}
