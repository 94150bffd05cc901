import Foundation
import Postgres
import Synchronization
import Testing
@testable import JobQueue

@Suite(.requiresDatabase)
struct ScheduleTests {
    @Test func anOccurrenceIsInsertedOnceWhenInsertersRace() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue(maxConnections: 8)
            defer { queue.pool.close() }
            try queue.saveSchedule(try JobSchedule(name: "reminders:karawang", tenantID: UUID(), kind: "reminders.scan",
                                                   args: Payload(n: 1), spec: .every(seconds: 3600)))
            // Make it due (an hour late by the database clock), then let eight firers race.
            try db.owner { c in try c.execute("UPDATE job_schedules SET next_fire_at = date_trunc('second', now()) - interval '1 hour'") }
            let inserted = Atomic<Int>(0)
            runThreads(8) { _ in
                if let n = try? queue.fireDueSchedules() { inserted.add(n, ordering: .relaxed) }
            }
            #expect(inserted.load(ordering: .relaxed) == 1)
            let (jobs, next) = try db.owner { c in
                let jobs = try c.query("SELECT unique_key FROM jobs").map { try $0.decode(String.self, at: 0) }
                let next = try c.query("SELECT next_fire_at > now() FROM job_schedules").first?.decode(Bool.self, at: 0)
                return (jobs, next)
            }
            #expect(jobs.count == 1)
            #expect(jobs.first?.hasPrefix("schedule:reminders:karawang:") == true)
            #expect(next == true)
            #expect(try queue.fireDueSchedules() == 0)

            // Even if the schedule row were put back, the same occurrence is not inserted twice.
            try db.owner { c in try c.execute("UPDATE job_schedules SET next_fire_at = last_fired_at") }
            #expect(try queue.fireDueSchedules() == 0)
            #expect(try queue.claim(batch: 5, workerID: "w").count == 1)
        }
    }

    @Test func dailyFireTimesFollowTheTenantsTimeZone() throws {
        try QueueTestDatabase.with { db in
            let times = try db.owner { c in
                try c.query("""
                    SELECT job_schedule_next_fire(NULL, '07:00', 'Asia/Makassar', now(), '2026-11-25 00:30:00+00')::text,
                           job_schedule_next_fire(NULL, '07:00', 'Asia/Jakarta', now(), '2026-11-25 00:30:00+00')::text,
                           job_schedule_next_fire(60, NULL, NULL, '2026-11-25 00:00:00+00', '2026-11-25 00:30:30+00')::text
                    """).first.map { try $0.decode((String, String, String).self) }
            }
            let (wita, wib, every) = try #require(times)
            // 07:00 WITA (UTC+8) on the 25th is 23:00 UTC on the 24th, already past: the next is the 26th.
            #expect(wita.hasPrefix("2026-11-25 23:00:00"))
            // 07:00 WIB (UTC+7) is 00:00 UTC on the 25th, past too.
            #expect(wib.hasPrefix("2026-11-26 00:00:00"))
            #expect(every.hasPrefix("2026-11-25 00:31:00"))
        }
    }

    @Test func aSavedDailyScheduleFiresAtTheWallTimeInItsZoneAndKeepsItsNextFireWhenResaved() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            let schedule = try JobSchedule(name: "reminders:tanah-laut", tenantID: UUID(), kind: "reminders.scan",
                                           args: Payload(n: 1), spec: .daily(hour: 7, minute: 5, timeZone: "Asia/Makassar"))
            try queue.saveSchedule(schedule)
            let local = try db.owner { c in
                try c.query("""
                    SELECT to_char(next_fire_at AT TIME ZONE 'Asia/Makassar', 'HH24:MI'),
                           next_fire_at > now() AND next_fire_at <= now() + interval '1 day'
                      FROM job_schedules
                    """).first.map { try $0.decode((String, Bool).self) }
            }
            #expect(local?.0 == "07:05")
            #expect(local?.1 == true)
            try db.owner { c in try c.execute("UPDATE job_schedules SET next_fire_at = now() - interval '1 minute'") }
            try queue.saveSchedule(schedule)  // same spec: the pending fire time stays
            #expect(try queue.fireDueSchedules() == 1)
            var moved = schedule
            moved.spec = .daily(hour: 25, minute: 0, timeZone: "Asia/Makassar")
            #expect(throws: PostgresError.self) { try queue.saveSchedule(moved) }
        }
    }
}
