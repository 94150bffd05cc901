/// Where an SKP revision stands in its workflow (PermenPANRB 6/2022; Perbup Pasuruan 117/2019 Pasal 6).
public enum SKPStatus: String, Sendable, Codable, CaseIterable, Hashable {
    /// Being written by the employee; editable.
    case draft
    /// Sent to the Pengelola Kinerja (when the rule set has a review) or to the evaluator.
    case submitted
    /// Reviewed by the Pengelola Kinerja, waiting for the evaluator (Perbup Pasuruan 117/2019 Pasal 6 ayat (3)).
    case reviewed
    /// Sent back with notes; editable, may be resubmitted or (where the rules allow) escalated.
    case returned
    /// A disagreement handed to the evaluator's superior, whose decision is final.
    case escalated
    /// Established by the evaluator (or decided by the superior); immutable.
    case approved

    /// Whether the employee may change the content in this state.
    public var isEditable: Bool { self == .draft || self == .returned }
}
