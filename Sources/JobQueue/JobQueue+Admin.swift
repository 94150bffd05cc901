import Foundation
import Postgres

/// Admin actions for the API's job endpoints. Each is scoped to a tenant: every statement filters
/// on `tenant_id`, so an admin of one regency can neither see nor touch another's jobs (nil
/// addresses platform jobs). `jobs` has no row-level security (migration 0010: workers claim
/// across tenants), so this filter is the isolation; callers pass the caller's tenant, never one
/// read from the request body.
extension JobQueue {
    /// States a job can be cancelled from: waiting ones. A running job is refused: its handler
    /// cannot be interrupted and may be sending an e-mail at this moment; let it finish or fail.
    public static let cancellableStates: Set<JobState> = [.available, .scheduled, .retryable]

    /// States a job can be retried (made available now) from: failed ones, and cancelled ones (an
    /// admin's undo). A completed job is refused: running it again would repeat its effects.
    public static let retriableStates: Set<JobState> = [.retryable, .discarded, .cancelled]

    /// Most jobs one `list` returns.
    public static let maximumListLimit = 200

    /// Jobs of `tenantID`, newest first, optionally of one state and one kind, with ids below
    /// `beforeID` (the cursor of the previous page). `limit` is capped at `maximumListLimit`;
    /// the `jobs_tenant (tenant_id, id)` index serves the order.
    public func list(tenantID: UUID?, state: JobState? = nil, kind: String? = nil, beforeID: Int? = nil,
                     limit: Int = 50) throws -> [Job] {
        let limit = min(max(limit, 1), Self.maximumListLimit)
        let rows = try pool.withConnection { connection in
            try connection.query("""
                SELECT \(unescaped: Job.columns)
                  FROM jobs
                 WHERE tenant_id IS NOT DISTINCT FROM \(nullable: tenantID)
                   AND (\(nullable: state)::job_state IS NULL OR state = \(nullable: state)::job_state)
                   AND (\(nullable: kind)::text IS NULL OR kind = \(nullable: kind)::text)
                   AND (\(nullable: beforeID)::bigint IS NULL OR id < \(nullable: beforeID))
                 ORDER BY id DESC
                 LIMIT \(limit)
                """)
        }
        return try rows.map(Job.init(row:))
    }

    /// One job of `tenantID`, or nil.
    public func job(id: Int, tenantID: UUID?) throws -> Job? {
        let rows = try pool.withConnection { connection in
            try connection.query("""
                SELECT \(unescaped: Job.columns) FROM jobs
                 WHERE id = \(id) AND tenant_id IS NOT DISTINCT FROM \(nullable: tenantID)
                """)
        }
        return try rows.first.map(Job.init(row:))
    }

    /// Cancels a waiting job (`cancellableStates`) in its own transaction. Returns the job before
    /// and after. Throws `.notFound`, or `.invalidState` for any other state.
    @discardableResult
    public func cancel(id: Int, tenantID: UUID?) throws -> (before: Job, after: Job) {
        try pool.transaction { connection in try cancel(id: id, tenantID: tenantID, on: connection) }
    }

    /// `cancel` on `connection`, inside the caller's transaction (so an audit entry can commit
    /// with it). The row is locked first, so the state checked is the state changed.
    public func cancel(id: Int, tenantID: UUID?, on connection: PostgresConnection) throws -> (before: Job, after: Job) {
        try change(id: id, tenantID: tenantID, allowed: Self.cancellableStates, on: connection,
                   set: "state = 'cancelled', finalized_at = now()")
    }

    /// Makes a failed or cancelled job (`retriableStates`) available now, in its own transaction.
    /// A discarded job keeps its errors and gets one more allowed attempt. Throws `.notFound`,
    /// `.invalidState` for any other state, or a unique violation when another pending job holds
    /// the job's `uniqueKey` by now.
    @discardableResult
    public func retry(id: Int, tenantID: UUID?) throws -> (before: Job, after: Job) {
        try pool.transaction { connection in try retry(id: id, tenantID: tenantID, on: connection) }
    }

    /// `retry` on `connection`, inside the caller's transaction.
    public func retry(id: Int, tenantID: UUID?, on connection: PostgresConnection) throws -> (before: Job, after: Job) {
        let change = try change(id: id, tenantID: tenantID, allowed: Self.retriableStates, on: connection, set: """
            state = 'available', scheduled_at = now(), finalized_at = NULL, max_attempts = greatest(max_attempts, attempt + 1)
            """)
        // Wakes idle workers at commit, like an enqueue.
        if debouncer.shouldNotify(change.after.queue) { try connection.notify(configuration.channel, payload: change.after.queue) }
        return change
    }

    /// Locks job `id` of `tenantID`, checks its state is `allowed`, and applies `assignments`
    /// (a constant SET list written in this file, never input).
    private func change(id: Int, tenantID: UUID?, allowed: Set<JobState>, on connection: PostgresConnection,
                        set assignments: String) throws -> (before: Job, after: Job) {
        let rows = try connection.query("""
            SELECT \(unescaped: Job.columns) FROM jobs
             WHERE id = \(id) AND tenant_id IS NOT DISTINCT FROM \(nullable: tenantID)
               FOR UPDATE
            """)
        guard let row = rows.first else { throw JobQueueError.notFound }
        let before = try Job(row: row)
        guard allowed.contains(before.state) else { throw JobQueueError.invalidState(before.state) }
        let updated = try connection.query("UPDATE jobs SET \(unescaped: assignments) WHERE id = \(id) RETURNING \(unescaped: Job.columns)")
        guard let after = updated.first else { throw JobQueueError.notFound }
        return (before, try Job(row: after))
    }
}
