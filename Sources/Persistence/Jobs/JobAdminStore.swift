import Foundation
import JobQueue
import Postgres

/// A tenant's jobs for its admins (and for central admins, who name the tenant): list, retry,
/// cancel. Retry and cancel are written to the tenant's audit log in the same transaction.
///
/// Tenant isolation: `jobs` is not under row-level security (migration 0010: workers claim across
/// tenants, and the table must stay an ordinary table on a Citus coordinator), so the database
/// cannot enforce it here. Every method therefore takes the tenant the caller is authorized for,
/// and every statement filters on `tenant_id` with it (`JobQueue+Admin`): another tenant's job is
/// not found, exactly as if it did not exist. Platform jobs (no tenant) are not reachable here.
/// The transaction is still opened for the tenant (`transaction(tenant:)`), because the audit log
/// is under row-level security.
public struct JobAdminStore: Sendable {
    private let pool: PostgresPool
    private let queue: JobQueue

    /// A store over `queue`'s table, writing through `pool` (the queue's pool serves as well).
    public init(pool: PostgresPool, queue: JobQueue) {
        self.pool = pool
        self.queue = queue
    }

    /// One page of `tenant`'s jobs, newest first, below `beforeID`.
    public func list(tenant: UUID, state: JobState?, kind: String?, beforeID: Int?, limit: Int) throws -> [Job] {
        try queue.list(tenantID: tenant, state: state, kind: kind, beforeID: beforeID, limit: limit)
    }

    /// Makes a failed or cancelled job of `tenant` available now, audited as `retry`. Throws
    /// `JobAdminError`.
    public func retry(id: Int, tenant: UUID, actor: AuditActor, at: Date) throws -> Job {
        do {
            return try change("retry", tenant: tenant, actor: actor, at: at) { connection in
                try queue.retry(id: id, tenantID: tenant, on: connection)
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw JobAdminError.uniqueKeyTaken
        }
    }

    /// Cancels a waiting job of `tenant`, audited as `cancel`. Throws `JobAdminError`.
    public func cancel(id: Int, tenant: UUID, actor: AuditActor, at: Date) throws -> Job {
        try change("cancel", tenant: tenant, actor: actor, at: at) { connection in
            try queue.cancel(id: id, tenantID: tenant, on: connection)
        }
    }

    private func change(_ action: String, tenant: UUID, actor: AuditActor, at: Date,
                        _ body: (PostgresConnection) throws -> (before: Job, after: Job)) throws -> Job {
        try pool.transaction(tenant: tenant) { connection in
            let before: Job, after: Job
            do {
                (before, after) = try body(connection)
            } catch JobQueueError.notFound {
                throw JobAdminError.notFound
            } catch JobQueueError.invalidState(let state) {
                throw JobAdminError.invalidState(state)
            }
            try AuditLog.append(AuditChange(action: action, entity: "job", entityID: String(after.id),
                                            before: try AuditChange.json(JobAuditRecord(before)),
                                            after: try AuditChange.json(JobAuditRecord(after))),
                                tenant: tenant, actor: actor, at: at, on: connection)
            return after
        }
    }
}
