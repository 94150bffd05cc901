import Foundation
import JobQueue

/// `test.slow-email`: waits `sleepMilliseconds`, then sends `email` like an `email.send` job.
/// Registered only when `KINERJA_WORKER_TEST_KINDS` names it (never in production), so a test can
/// kill a real worker process while a job is running and count the e-mails that arrive
/// (`WorkerProcessKillTests`). The wait is the window for the kill; the e-mail is the side effect
/// that must happen exactly once.
public struct SlowEmailTestJob: Codable, Sendable, Equatable {
    /// The job kind.
    public static let kind = "test.slow-email"
    /// Every test-only kind the worker knows.
    public static let kinds: Set<String> = [kind]

    /// How long the handler waits before sending (at most 10 minutes).
    public var sleepMilliseconds: Int
    /// The e-mail to send after the wait.
    public var email: EmailJob

    public init(sleepMilliseconds: Int, email: EmailJob) {
        self.sleepMilliseconds = sleepMilliseconds
        self.email = email
    }

    /// Waits, then delivers through `email` (which records the delivery, so a retry after the
    /// server accepted does not send again).
    static func handle(_ job: Job, email: EmailJobHandler) throws {
        let args: SlowEmailTestJob
        do {
            args = try job.decodeArgs(SlowEmailTestJob.self)
        } catch {
            throw PermanentJobError("invalid test job arguments: \(error)")
        }
        Thread.sleep(forTimeInterval: Double(min(max(args.sleepMilliseconds, 0), 600_000)) / 1000)
        try email.deliver(args.email, for: job)
    }
}
