import Foundation
import Postgres

/// Admin actions for the API's job endpoints. Each is scoped to a tenant: an admin of one
/// regency can neither see nor touch another's jobs (nil addresses platform jobs).
extension JobQueue {
    /// Jobs of `tenantID`, newest first, optionally in one state, with ids below `beforeID`
    /// (the cursor of the previous page). `limit` is capped at 200.
    public func list(tenantID: UUID?, state: JobState? = nil, beforeID: Int? = nil, limit: Int = 50) throws -> [Job] {
        let limit = min(max(limit, 1), 200)
        let rows = try pool.withConnection { connection in
            try connection.query("""
                SELECT \(unescaped: Job.columns)
                  FROM jobs
                 WHERE tenant_id IS NOT DISTINCT FROM \(nullable: tenantID)
                   AND (\(nullable: state)::job_state IS NULL OR state = \(nullable: state)::job_state)
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

    /// Cancels a job that has not finished. A running job is marked cancelled too: its handler
    /// is not interrupted, but its completion will fail the guard and change nothing.
    /// Throws `.notFound`, or `.invalidState` for a job already final.
    public func cancel(id: Int, tenantID: UUID?) throws {
        let changed = try pool.withConnection { connection in
            try connection.execute("""
                UPDATE jobs SET state = 'cancelled', finalized_at = now()
                 WHERE id = \(id) AND tenant_id IS NOT DISTINCT FROM \(nullable: tenantID)
                   AND state IN ('available', 'scheduled', 'running', 'retryable')
                """)
        }
        if changed == 0 { try explainNoChange(id: id, tenantID: tenantID) }
    }

    /// Makes a finished or waiting job available now (an admin's "run it again"). A discarded job
    /// keeps its errors and gets one more allowed attempt. Running jobs cannot be retried.
    /// Throws `.notFound`, or `.invalidState` for a running job. A `uniqueKey` that another
    /// pending job holds by now makes this fail with a unique violation.
    public func retry(id: Int, tenantID: UUID?) throws {
        let changed = try pool.withConnection { connection in
            try connection.execute("""
                UPDATE jobs
                   SET state = 'available', scheduled_at = now(), finalized_at = NULL,
                       max_attempts = greatest(max_attempts, attempt + 1)
                 WHERE id = \(id) AND tenant_id IS NOT DISTINCT FROM \(nullable: tenantID)
                   AND state IN ('scheduled', 'retryable', 'completed', 'cancelled', 'discarded')
                """)
        }
        if changed == 0 { try explainNoChange(id: id, tenantID: tenantID) }
    }

    private func explainNoChange(id: Int, tenantID: UUID?) throws {
        guard let job = try job(id: id, tenantID: tenantID) else { throw JobQueueError.notFound }
        throw JobQueueError.invalidState(job.state)
    }
}
