import JobQueue

/// What the audit log keeps of a job: its identity and state, never its arguments (they may hold
/// e-mail addresses and message text).
struct JobAuditRecord: Encodable {
    let kind: String
    let state: String
    let attempt: Int
    let maxAttempts: Int

    init(_ job: Job) {
        kind = job.kind
        state = job.state.rawValue
        attempt = job.attempt
        maxAttempts = job.maxAttempts
    }
}
