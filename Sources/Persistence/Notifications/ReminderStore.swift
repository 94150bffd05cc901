import Foundation
import Kinerja
import Postgres

/// What the daily reminder scan reads and records (issue 6 item 4): overdue assessments and
/// keberatan awaiting a decision (migration 0015), and the ledger of reminders sent
/// (`reminders_sent`, migration 0017) that keeps a second scan on the same day from repeating one.
public struct ReminderStore: Sendable {
    private let pool: PostgresPool
    private let clock: StoreClock

    /// The store over `pool`, stamping with `clock`.
    public init(pool: PostgresPool, clock: @escaping StoreClock = Date.init) {
        self.pool = pool
        self.clock = clock
    }

    /// Evaluations past `assessment_due_at` at `now` and not yet rated, by evaluator. Excluded
    /// evaluations are never due (Perbup Karawang 28/2024: the exempt are not reminded).
    public func overdueAssessments(tenant: UUID, now: Date) throws -> [UUID: [Reminder.Item]] {
        try grouped(tenant: tenant, """
            SELECT ev.evaluator_id, ev.id, e.name, e.nip, ev.assessment_due_at
              FROM evaluations ev JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.employee_id
             WHERE ev.status IN ('pending', 'submitted') AND ev.rated_at IS NULL AND ev.evaluator_id IS NOT NULL
               AND ev.assessment_due_at < \(now)
             ORDER BY ev.evaluator_id, ev.assessment_due_at, e.name
            """)
    }

    /// Keberatan still `filed` whose decision deadline falls before `until` (or has passed), by decider.
    public func objectionDecisionsDue(tenant: UUID, until: Date) throws -> [UUID: [Reminder.Item]] {
        try grouped(tenant: tenant, """
            SELECT o.decider_id, o.id, e.name, e.nip, o.decision_due_at
              FROM objections o JOIN employees e ON e.tenant_id = o.tenant_id AND e.id = o.employee_id
             WHERE o.status = 'filed' AND o.decision_due_at IS NOT NULL AND o.decision_due_at < \(until)
             ORDER BY o.decider_id, o.decision_due_at, e.name
            """)
    }

    private func grouped(tenant: UUID, _ query: PostgresQuery) throws -> [UUID: [Reminder.Item]] {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            var result: [UUID: [Reminder.Item]] = [:]
            for row in try connection.query(query) {
                let (person, id, name, nip, due) = try row.decode((UUID, UUID, String, String, Date?).self)
                result[person, default: []].append(Reminder.Item(id: id, name: name, nip: nip, dueAt: due))
            }
            return result
        }
    }

    /// Records each reminder in the ledger and calls `enqueue` for those not recorded before (same
    /// person, cause and day), all in one transaction of `tenant`, so the ledger and the jobs commit
    /// together. Returns how many were new.
    @discardableResult
    public func record(_ reminders: [Reminder], tenant: UUID,
                       enqueue: (Reminder, PostgresConnection) throws -> Int?) throws -> Int {
        guard !reminders.isEmpty else { return 0 }
        return try pool.transaction(tenant: tenant) { connection in
            var added = 0
            for reminder in reminders {
                let inserted = try connection.query("""
                    INSERT INTO reminders_sent (tenant_id, recipient_id, cause, on_date, created_at)
                    VALUES (\(tenant), \(reminder.recipientID), \(reminder.cause.rawValue), \(reminder.date)::date, \(clock()))
                    ON CONFLICT DO NOTHING
                    RETURNING 1
                    """)
                guard !inserted.isEmpty else { continue }
                let job = try enqueue(reminder, connection)
                try connection.execute("""
                    UPDATE reminders_sent SET job_id = \(job)
                     WHERE recipient_id = \(reminder.recipientID) AND cause = \(reminder.cause.rawValue)
                       AND on_date = \(reminder.date)::date
                    """)
                added += 1
            }
            return added
        }
    }
}
