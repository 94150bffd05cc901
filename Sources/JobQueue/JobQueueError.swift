/// Misuse of the queue API, as opposed to database errors (which stay `PostgresError`).
public enum JobQueueError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `enqueue` was called on a connection outside a transaction.
    case notInTransaction
    /// A handler for this kind is already registered.
    case duplicateHandler(String)
    /// The job's state does not allow the admin action (for example retrying a running job).
    case invalidState(JobState)
    /// No job with this id (for this tenant).
    case notFound

    /// A description without any job data.
    public var description: String {
        switch self {
        case .notInTransaction: "enqueue needs a connection inside the caller's transaction"
        case .duplicateHandler(let kind): "a handler for kind \(kind) is already registered"
        case .invalidState(let state): "not allowed while the job is \(state.rawValue)"
        case .notFound: "no such job"
        }
    }
}
