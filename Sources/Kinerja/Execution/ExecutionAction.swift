/// What someone may want to do with the execution records of one SKP.
public enum ExecutionAction: String, Sendable, Codable, CaseIterable {
    /// Read the timelines, action plans and takeovers.
    case readPlan = "read-plan"
    /// Write an RHK's timeline and action plans.
    case writePlan = "write-plan"
    /// Read realisations and download their evidence.
    case readRealisation = "read-realisation"
    /// Document or correct a realisation, add or withdraw evidence.
    case writeRealisation = "write-realisation"
    /// Give continuous feedback.
    case giveFeedback = "give-feedback"
    /// Read the feedback given.
    case readFeedback = "read-feedback"
    /// Record bimbingan or konseling.
    case recordCoaching = "record-coaching"
    /// Read the coaching records.
    case readCoaching = "read-coaching"
    /// Take over an RHK.
    case takeOver = "take-over"

    /// The article behind the action.
    public var basis: LegalBasis {
        switch self {
        case .readPlan, .writePlan: ExecutionBasis.plan
        case .readRealisation, .writeRealisation: ExecutionBasis.realisation
        case .giveFeedback, .readFeedback: ExecutionBasis.feedback
        case .recordCoaching, .readCoaching: ExecutionBasis.coaching
        case .takeOver: ExecutionBasis.takeover
        }
    }
}
