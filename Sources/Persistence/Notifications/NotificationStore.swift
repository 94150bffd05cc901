import Foundation
import Postgres

/// The in-app notification list of each person (migration 0017): written by the worker once per
/// job, read and marked read by the person through the API.
public struct NotificationStore: Sendable {
    private let pool: PostgresPool
    private let clock: StoreClock

    /// The store over `pool`, stamping with `clock`.
    public init(pool: PostgresPool, clock: @escaping StoreClock = Date.init) {
        self.pool = pool
        self.clock = clock
    }

    /// Writes `draft` for job `jobID` on `connection`, which must be in a transaction of the
    /// draft's tenant. A second call for the same job writes nothing (the job's notification
    /// exists already), so a retried job tells the person once. Text beyond the table's bounds is cut.
    public static func insert(_ draft: InAppNotificationDraft, jobID: Int, at instant: Date,
                              on connection: PostgresConnection) throws {
        try connection.execute("""
            INSERT INTO notifications (tenant_id, id, recipient_id, kind, title, body, link, job_id, created_at)
            VALUES (\(draft.tenantID), \(UUID.timeOrdered(at: instant)), \(draft.recipientID), \(draft.kind),
                    \(String(draft.title.prefix(200))), \(String(draft.body.prefix(4000))),
                    \(draft.link.map { String($0.prefix(500)) }), \(jobID), \(instant))
            ON CONFLICT (tenant_id, job_id) DO NOTHING
            """)
    }

    /// Writes `draft` for `jobID` in a transaction of its own (a job that sends no e-mail).
    public func insert(_ draft: InAppNotificationDraft, jobID: Int) throws {
        try pool.transaction(tenant: draft.tenantID) { connection in
            try Self.insert(draft, jobID: jobID, at: clock(), on: connection)
        }
    }

    /// `recipient`'s notifications, newest first, older than `before` (the last id of the previous
    /// page), only unread ones when `unreadOnly`; at most `limit`.
    public func list(tenant: UUID, recipient: UUID, unreadOnly: Bool, before: UUID?, limit: Int) throws -> [InAppNotification] {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try connection.query("""
                SELECT \(unescaped: Self.columns) FROM notifications
                 WHERE recipient_id = \(recipient) AND (NOT \(unreadOnly) OR read_at IS NULL)
                   AND (\(before)::uuid IS NULL OR id < \(before))
                 ORDER BY id DESC LIMIT \(limit)
                """).map(Self.notification)
        }
    }

    /// Marks `recipient`'s notification `id` read (once: a second call keeps the first time) and
    /// returns it, or nil when the recipient has no such notification.
    public func markRead(tenant: UUID, recipient: UUID, id: UUID) throws -> InAppNotification? {
        try pool.transaction(tenant: tenant) { connection in
            try connection.query("""
                UPDATE notifications SET read_at = coalesce(read_at, \(clock()))
                 WHERE id = \(id) AND recipient_id = \(recipient)
                RETURNING \(unescaped: Self.columns)
                """).first.map(Self.notification)
        }
    }

    /// The columns `notification(_:)` decodes, in order (a constant, never input).
    private static let columns = "id, kind, title, body, link, created_at, read_at"

    private static func notification(_ row: PostgresRow) throws -> InAppNotification {
        let (id, kind, title, body, link, createdAt, readAt) =
            try row.decode((UUID, String, String, String, String?, Date, Date?).self)
        return InAppNotification(id: id, kind: kind, title: title, body: body, link: link, createdAt: createdAt, readAt: readAt)
    }
}
