import Foundation
import JobQueue

/// A job as the admin endpoints show it. The arguments are left out: they may hold e-mail
/// addresses and message text, which an operator does not need to retry or cancel a job.
struct JobView: Encodable {
    let id: Int
    let kind: String
    let queue: String
    let state: String
    let priority: Int
    let attempt: Int
    let maxAttempts: Int
    let scheduledAt: Date
    let createdAt: Date
    let attemptedAt: Date?
    let finalizedAt: Date?
    /// Failed attempts so far.
    let errorCount: Int
    /// The last three failures, newest last, each message cut at 500 characters (a job may keep
    /// up to 1,000 of them, so a page stays small).
    let lastErrors: [ErrorView]

    struct ErrorView: Encodable {
        let attempt: Int
        let at: Date
        let error: String
    }

    init(_ job: Job) {
        id = job.id
        kind = job.kind
        queue = job.queue
        state = job.state.rawValue
        priority = job.priority
        attempt = job.attempt
        maxAttempts = job.maxAttempts
        scheduledAt = job.scheduledAt
        createdAt = job.createdAt
        attemptedAt = job.attemptedAt
        finalizedAt = job.finalizedAt
        errorCount = job.errors.count
        lastErrors = job.errors.suffix(3).map { ErrorView(attempt: $0.attempt, at: $0.at, error: String($0.error.prefix(500))) }
    }
}
