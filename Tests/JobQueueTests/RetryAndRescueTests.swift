import Foundation
import Postgres
import Testing
@testable import JobQueue

@Suite(.requiresDatabase)
struct RetryAndRescueTests {
    /// Makes every running job's heartbeat look `seconds` old.
    func ageHeartbeats(_ db: QueueTestDatabase, seconds: Int = 600) throws {
        try db.owner { c in
            try c.execute("UPDATE jobs SET heartbeat_at = now() - make_interval(secs => \(seconds)) WHERE state = 'running'")
        }
    }

    @Test func rescueAfterCompleteChangesNothing() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            _ = try queue.pool.transaction { c in try queue.enqueue(on: c, kind: "test.race", args: Payload(n: 1)) }
            let job = try #require(try queue.claim(batch: 1, workerID: "w").first)
            #expect(try queue.complete(id: job.id, attempt: job.attempt))
            try ageHeartbeats(db)
            #expect(try queue.rescueStuckJobs() == 0)
            #expect(try db.stateOf(job.id) == (.completed, 1))
        }
    }

    @Test func completeWithTheOldAttemptAfterRescueChangesNothing() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue { $0.backoff = RetryBackoff { _ in 0 } }
            defer { queue.pool.close() }
            _ = try queue.pool.transaction { c in try queue.enqueue(on: c, kind: "test.race", args: Payload(n: 1)) }
            let first = try #require(try queue.claim(batch: 1, workerID: "dead").first)
            try ageHeartbeats(db)
            #expect(try queue.rescueStuckJobs() == 1)
            #expect(try db.stateOf(first.id) == (.retryable, 1))
            // The dead worker wakes up and reports: its run no longer owns the job.
            #expect(try !queue.complete(id: first.id, attempt: first.attempt))
            #expect(try queue.fail(id: first.id, attempt: first.attempt, error: "late") == .stale)
            #expect(try queue.heartbeat([JobRun(first)]) == 0)

            #expect(try queue.promoteDueJobs() == 1)
            let second = try #require(try queue.claim(batch: 1, workerID: "alive").first)
            #expect(second.id == first.id && second.attempt == 2)
            #expect(second.errors.count == 1 && second.errors.first?.error.contains("rescued") == true)
            // Still stale while the second run owns the job.
            #expect(try !queue.complete(id: first.id, attempt: first.attempt))
            #expect(try queue.complete(id: second.id, attempt: second.attempt))
            #expect(try db.stateOf(first.id) == (.completed, 2))
        }
    }

    @Test func aFailedJobRetriesAfterItsBackoffAndThenSucceeds() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue { $0.backoff = RetryBackoff { attempt in Double(attempt) * 3600 } }
            defer { queue.pool.close() }
            let id = try #require(try queue.pool.transaction { c in
                try queue.enqueue(on: c, kind: "test.flaky", args: Payload(n: 1), maxAttempts: 3)
            })
            let run1 = try #require(try queue.claim(batch: 1, workerID: "w").first)
            #expect(try queue.fail(id: id, attempt: run1.attempt, error: "SMTP 421") == .retryable(delaySeconds: 3600))
            // The backoff is by the database clock: not due, so neither promoted nor claimed.
            let due = try db.owner { c in
                try c.query("SELECT (scheduled_at - now()) > interval '59 minutes' FROM jobs WHERE id = \(id)").first?.decode(Bool.self, at: 0)
            }
            #expect(due == true)
            #expect(try queue.promoteDueJobs() == 0)
            #expect(try queue.claim(batch: 1, workerID: "w").isEmpty)

            try db.owner { c in try c.execute("UPDATE jobs SET scheduled_at = now() WHERE id = \(id)") }
            #expect(try queue.promoteDueJobs() == 1)
            let run2 = try #require(try queue.claim(batch: 1, workerID: "w").first)
            #expect(run2.attempt == 2)
            #expect(try queue.complete(id: id, attempt: 2))
            let job = try #require(try queue.job(id: id, tenantID: nil))
            #expect(job.state == .completed && job.finalizedAt != nil)
            #expect(job.errors.map(\.error) == ["SMTP 421"])
            #expect(job.errors.map(\.attempt) == [1])
        }
    }

    @Test func afterTheLastAttemptTheJobIsDiscardedWithEveryError() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue { $0.backoff = RetryBackoff { _ in 0 } }
            defer { queue.pool.close() }
            let tenant = UUID()
            let id = try #require(try queue.pool.transaction { c in
                try queue.enqueue(on: c, kind: "test.doomed", args: Payload(n: 1), tenantID: tenant, maxAttempts: 3)
            })
            var outcomes: [FailOutcome] = []
            for attempt in 1...3 {
                _ = try queue.promoteDueJobs()
                let run = try #require(try queue.claim(batch: 1, workerID: "w").first)
                #expect(run.attempt == attempt)
                outcomes.append(try queue.fail(id: id, attempt: attempt, error: "failure \(attempt)"))
            }
            #expect(outcomes == [.retryable(delaySeconds: 0), .retryable(delaySeconds: 0), .discarded])
            _ = try queue.promoteDueJobs()
            #expect(try queue.claim(batch: 1, workerID: "w").isEmpty)
            let job = try #require(try queue.list(tenantID: tenant, state: .discarded).first)
            #expect(job.id == id && job.finalizedAt != nil)
            #expect(job.errors.map(\.error) == ["failure 1", "failure 2", "failure 3"])
            #expect(job.errors.map(\.attempt) == [1, 2, 3])

            // An admin retry gives it one more attempt and keeps the history.
            #expect(try queue.list(tenantID: UUID(), state: .discarded).isEmpty)
            #expect(throws: JobQueueError.notFound) { try queue.retry(id: id, tenantID: UUID()) }
            try queue.retry(id: id, tenantID: tenant)
            let again = try #require(try queue.claim(batch: 1, workerID: "w").first)
            #expect(again.attempt == 4 && again.errors.count == 3)
            #expect(throws: JobQueueError.invalidState(.running)) { try queue.retry(id: id, tenantID: tenant) }
            // A running job is not cancelled (its handler cannot be stopped); a completed one is
            // neither cancelled nor run again.
            #expect(throws: JobQueueError.invalidState(.running)) { try queue.cancel(id: id, tenantID: tenant) }
            #expect(try queue.complete(id: id, attempt: 4))
            #expect(try db.stateOf(id) == (.completed, 4))
            #expect(throws: JobQueueError.invalidState(.completed)) { try queue.cancel(id: id, tenantID: tenant) }
            #expect(throws: JobQueueError.invalidState(.completed)) { try queue.retry(id: id, tenantID: tenant) }
        }
    }

    @Test func aPermanentFailureDiscardsAtOnce() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            let id = try #require(try queue.pool.transaction { c in try queue.enqueue(on: c, kind: "test.bad", args: Payload(n: 1)) })
            let run = try #require(try queue.claim(batch: 1, workerID: "w").first)
            #expect(try queue.fail(id: id, attempt: run.attempt, error: "bad args", permanent: true) == .discarded)
            #expect(try db.stateOf(id) == (.discarded, 1))
        }
    }

    @Test func cleanupDeletesOnlyOldFinishedJobsInBoundedBatches() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue { $0.sweepBatchSize = 100 }
            defer { queue.pool.close() }
            try db.owner { c in
                try c.execute("""
                    INSERT INTO jobs (queue, kind, state, finalized_at)
                    SELECT 'x', 'test.old', s::job_state, now() - make_interval(hours => h)
                      FROM (VALUES ('completed', 25, 150), ('completed', 1, 5), ('discarded', 25, 5),
                                   ('discarded', 24 * 8, 5), ('cancelled', 24 * 8, 5)) AS v(s, h, n),
                           generate_series(1, n)
                    """)
            }
            #expect(try queue.deleteFinishedJobs() == 110)
            #expect(try queue.deleteFinishedJobs() == 50)
            #expect(try queue.deleteFinishedJobs() == 0)
            let left = try db.owner { try $0.query("SELECT count(*) FROM jobs").first?.decode(Int.self, at: 0) }
            #expect(left == 10)
        }
    }
}
