import JobQueue

/// Runs `email.send` jobs: a message composed by whoever enqueued it, sent once.
public struct EmailJobHandler: Sendable {
    private let delivery: JobMailDelivery

    public init(delivery: JobMailDelivery) { self.delivery = delivery }

    /// Handles one job; malformed arguments fail permanently.
    public func handle(_ job: Job) throws {
        let email: EmailJob
        do {
            email = try job.decodeArgs(EmailJob.self)
        } catch {
            throw PermanentJobError("invalid email job arguments: \(error)")
        }
        try deliver(email, for: job)
    }

    /// Sends `email` on behalf of `job` (at most once after a server accepted it).
    func deliver(_ email: EmailJob, for job: Job) throws {
        try delivery.deliver(to: email.to.map { ($0.address, $0.name) }, subject: email.subject, text: email.text,
                             html: email.html, for: job)
    }
}
