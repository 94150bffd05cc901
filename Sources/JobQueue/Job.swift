import Foundation
import Postgres

/// One job as a worker or an admin sees it: a row of `jobs`.
public struct Job: Sendable, Identifiable {
    /// The row id (`jobs.id`).
    public var id: Int
    /// The handler name, such as `email.send`.
    public var kind: String
    /// The queue it belongs to.
    public var queue: String
    /// The tenant it runs for; nil for platform jobs.
    public var tenantID: UUID?
    /// The arguments as JSON; decode them with `decodeArgs`.
    public var args: PostgresJSONB
    /// 1 (most urgent) to 4.
    public var priority: Int
    /// The current state (for a claimed job: `running`).
    public var state: JobState
    /// The run number: 1 for the first claim, and so on. Completion is guarded by it.
    public var attempt: Int
    /// After this many attempts a failure discards the job.
    public var maxAttempts: Int
    /// When the job became (or becomes) due.
    public var scheduledAt: Date
    /// When it was enqueued.
    public var createdAt: Date
    /// When the current or last attempt was claimed.
    public var attemptedAt: Date?
    /// The worker that claimed the current or last attempt.
    public var attemptedBy: String?
    /// When the job reached a final state.
    public var finalizedAt: Date?
    /// One entry per failed attempt, oldest first.
    public var errors: [JobAttemptError]
    /// The uniqueness key it was enqueued with.
    public var uniqueKey: String?
    /// Seconds from the later of enqueue and due time to the claim, measured by the database
    /// clock; set only on jobs returned by `claim`.
    public var pickupDelay: Double?

    /// The arguments decoded as `T`.
    public func decodeArgs<T: Decodable>(_ type: T.Type = T.self, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try args.decode(T.self, decoder: decoder)
    }

    /// The columns `init(row:)` reads, in order; `pickup_delay` is appended by `claim`.
    static let columns = """
        id, kind, queue, tenant_id, args, priority, state, attempt, max_attempts, scheduled_at, created_at, \
        attempted_at, attempted_by, finalized_at, errors, unique_key
        """

    /// The same columns qualified with `jobs.`, for statements that join.
    static let qualifiedColumns = columns.split(separator: ",")
        .map { "jobs." + $0.trimmingCharacters(in: .whitespaces) }.joined(separator: ", ")

    init(row: PostgresRow) throws {
        id = try row.decode(Int.self, column: "id")
        kind = try row.decode(String.self, column: "kind")
        queue = try row.decode(String.self, column: "queue")
        tenantID = try row.decode(UUID?.self, column: "tenant_id")
        args = try row.decode(PostgresJSONB.self, column: "args")
        priority = try row.decode(Int.self, column: "priority")
        state = try row.decode(JobState.self, column: "state")
        attempt = try row.decode(Int.self, column: "attempt")
        maxAttempts = try row.decode(Int.self, column: "max_attempts")
        scheduledAt = try row.decode(Date.self, column: "scheduled_at")
        createdAt = try row.decode(Date.self, column: "created_at")
        attemptedAt = try row.decode(Date?.self, column: "attempted_at")
        attemptedBy = try row.decode(String?.self, column: "attempted_by")
        finalizedAt = try row.decode(Date?.self, column: "finalized_at")
        errors = try row.decodeJSON([JobAttemptError].self, column: "errors", decoder: JobAttemptError.decoder)
        uniqueKey = try row.decode(String?.self, column: "unique_key")
        pickupDelay = nil
    }
}
