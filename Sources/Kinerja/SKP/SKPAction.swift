/// What someone does to an SKP revision.
public enum SKPAction: Sendable, Equatable, Hashable {
    /// Change the content (RHK, IKI, perilaku, lampiran).
    case edit
    /// Send it on for review or approval.
    case submit
    /// The Pengelola Kinerja marks it reviewed.
    case review
    /// Send it back with notes.
    case returnWithNotes(String)
    /// Agree to and establish it.
    case approve
    /// Hand a disagreement to the evaluator's superior.
    case escalate
    /// The superior's final decision: approve (`true`) or return with notes.
    case decide(approve: Bool, notes: String?)

    /// A stable name for logs, audit and problem codes.
    public var name: String {
        switch self {
        case .edit: "edit"
        case .submit: "submit"
        case .review: "review"
        case .returnWithNotes: "return"
        case .approve: "approve"
        case .escalate: "escalate"
        case .decide: "decide"
        }
    }

    /// One representative of each action, for tables of tests and documentation.
    public static let representatives: [SKPAction] = [
        .edit, .submit, .review, .returnWithNotes("catatan"), .approve, .escalate,
        .decide(approve: true, notes: nil), .decide(approve: false, notes: "catatan"),
    ]
}
