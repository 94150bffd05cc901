import Foundation
import Postgres

/// A periodic job stored in `job_schedules`: every N seconds, or daily at a wall-clock time in a
/// time zone (a tenant's zone, so "07:00" means 07:00 WITA in Tanah Laut).
public struct JobSchedule: Sendable, Equatable {
    /// When a schedule fires.
    public enum Spec: Sendable, Equatable {
        /// Every `seconds`, on a grid anchored at the first fire time.
        case every(seconds: Int)
        /// Every day at `hour:minute` in the IANA `timeZone`.
        case daily(hour: Int, minute: Int, timeZone: String)
    }

    /// Unique name, such as `reminders.daily:karawang`; part of each occurrence's unique key.
    public var name: String
    /// The tenant the occurrences run for; nil for platform schedules.
    public var tenantID: UUID?
    /// The job kind each occurrence gets.
    public var kind: String
    /// The arguments each occurrence gets.
    public var args: PostgresJSONB
    /// When it fires.
    public var spec: Spec
    /// The queue occurrences go to; nil means the queue's own.
    public var queue: String?
    /// 1 (most urgent) to 4.
    public var priority: Int
    /// Attempts per occurrence.
    public var maxAttempts: Int

    /// A schedule.
    public init(name: String, tenantID: UUID? = nil, kind: String, args: some Encodable, spec: Spec,
                queue: String? = nil, priority: Int = 2, maxAttempts: Int = 20) throws {
        self.name = name
        self.tenantID = tenantID
        self.kind = kind
        self.args = try PostgresJSONB(encoding: args)
        self.spec = spec
        self.queue = queue
        self.priority = priority
        self.maxAttempts = maxAttempts
    }
}

extension JobQueue {
    /// Creates or updates a schedule (by name). A new schedule first fires at the next fire time
    /// after now; an updated one keeps its next fire time unless the spec changed.
    public func saveSchedule(_ schedule: JobSchedule) throws {
        _ = try pool.withConnection { connection in
            try Self.saveSchedule(schedule, defaultQueue: configuration.name, on: connection)
        }
    }

    /// `saveSchedule` on the caller's connection (inside its transaction, say a tenant's onboarding,
    /// so the schedule exists exactly when the tenant does); `defaultQueue` when the schedule names none.
    public static func saveSchedule(_ schedule: JobSchedule, defaultQueue: String = "default",
                                    on connection: PostgresConnection) throws {
        var every: Int?
        var daily: String?
        var zone: String?
        switch schedule.spec {
        case .every(let seconds):
            every = seconds
        case .daily(let hour, let minute, let timeZone):
            // Zero-padded HH:MM; the server's ::time cast rejects an impossible time.
            daily = (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
            zone = timeZone
        }
        let queue = schedule.queue ?? defaultQueue
        _ = try connection.execute("""
            INSERT INTO job_schedules AS s (name, tenant_id, kind, args, queue, priority, max_attempts,
                                            every_seconds, daily_at, time_zone, next_fire_at)
            VALUES (\(schedule.name), \(nullable: schedule.tenantID), \(schedule.kind), \(schedule.args), \(queue),
                    \(schedule.priority), \(schedule.maxAttempts), \(nullable: every), \(nullable: daily)::time, \(nullable: zone),
                    job_schedule_next_fire(\(nullable: every)::int, \(nullable: daily)::time, \(nullable: zone), now(), now()))
            ON CONFLICT (name) DO UPDATE
               SET tenant_id = excluded.tenant_id, kind = excluded.kind, args = excluded.args,
                   queue = excluded.queue, priority = excluded.priority, max_attempts = excluded.max_attempts,
                   every_seconds = excluded.every_seconds, daily_at = excluded.daily_at,
                   time_zone = excluded.time_zone, active = true,
                   next_fire_at = CASE
                       WHEN s.every_seconds IS NOT DISTINCT FROM excluded.every_seconds
                        AND s.daily_at IS NOT DISTINCT FROM excluded.daily_at
                        AND s.time_zone IS NOT DISTINCT FROM excluded.time_zone THEN s.next_fire_at
                       ELSE excluded.next_fire_at END
            """)
    }

    /// Stops a schedule from firing (the row stays, so re-saving resumes it).
    public func deactivateSchedule(name: String) throws {
        _ = try pool.withConnection { connection in
            try connection.execute("UPDATE job_schedules SET active = false WHERE name = \(name)")
        }
    }

    /// Fires every due schedule once, in one statement: locks the due rows (SKIP LOCKED, so a
    /// concurrent firer skips them), inserts each occurrence with the unique key
    /// `schedule:<name>:<fire time in epoch seconds>` (ON CONFLICT DO NOTHING), and advances
    /// `next_fire_at` past now. Missed ticks (the cluster was down for a day) fire once, not once
    /// per missed tick. Returns how many occurrences were inserted.
    @discardableResult
    public func fireDueSchedules() throws -> Int {
        try pool.withConnection { connection in
            let rows = try connection.query("""
                WITH due AS (
                    SELECT * FROM job_schedules
                     WHERE active AND next_fire_at <= now()
                     ORDER BY next_fire_at
                     LIMIT \(configuration.sweepBatchSize)
                     FOR UPDATE SKIP LOCKED
                ), inserted AS (
                    INSERT INTO jobs (state, queue, kind, tenant_id, args, priority, scheduled_at, max_attempts, unique_key)
                    SELECT 'available', queue, kind, tenant_id, args, priority, next_fire_at, max_attempts,
                           'schedule:' || name || ':' || extract(epoch FROM next_fire_at)::bigint
                      FROM due
                    ON CONFLICT (unique_key)
                       WHERE unique_key IS NOT NULL AND state IN ('available', 'scheduled', 'running', 'retryable')
                       DO NOTHING
                    RETURNING queue
                ), advanced AS (
                    UPDATE job_schedules s
                       SET last_fired_at = due.next_fire_at,
                           next_fire_at = job_schedule_next_fire(due.every_seconds, due.daily_at, due.time_zone,
                                                                 due.next_fire_at, now())
                      FROM due
                     WHERE s.name = due.name
                    RETURNING s.name
                )
                SELECT queue, count(*), (SELECT count(*) FROM advanced) FROM inserted GROUP BY queue
                """)
            var total = 0
            for row in rows {
                let (queue, count, _) = try row.decode((String, Int, Int).self)
                total += count
                try connection.notify(configuration.channel, payload: queue)
            }
            return total
        }
    }
}
