import Foundation
import Postgres
import Synchronization
import Testing
@testable import JobQueue

@Suite(.requiresDatabase)
struct ClaimTests {
    @Test func concurrentClaimersNeverShareAJobAndEveryJobCompletesOnce() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue(maxConnections: 8)
            defer { queue.pool.close() }
            let total = 2000
            try db.owner { c in
                try c.execute("""
                    INSERT INTO jobs (queue, kind, tenant_id, args)
                    SELECT \(queue.configuration.name), 'test.noop',
                           (ARRAY['11111111-1111-1111-1111-111111111111', '22222222-2222-2222-2222-222222222222', NULL])[1 + i % 3]::uuid,
                           jsonb_build_object('n', i)
                      FROM generate_series(1, \(total)) AS i
                    """)
            }
            let seen = Mutex<[Int]>([])
            let completed = Atomic<Int>(0)
            let errors = Atomic<Int>(0)
            runThreads(8) { worker in
                do {
                    while true {
                        let jobs = try queue.claim(batch: 7, workerID: "w\(worker)")
                        if jobs.isEmpty { break }
                        seen.withLock { $0 += jobs.map(\.id) }
                        completed.add(try queue.complete(jobs.map(JobRun.init)), ordering: .relaxed)
                    }
                } catch {
                    errors.add(1, ordering: .relaxed)
                }
            }
            #expect(errors.load(ordering: .relaxed) == 0)
            let ids = seen.withLock { $0 }
            #expect(ids.count == total)
            #expect(Set(ids).count == total)
            #expect(completed.load(ordering: .relaxed) == total)
            let states = try db.owner { c in
                try c.query("SELECT state::text, max(attempt), count(*) FROM jobs GROUP BY state").map { try $0.decode((String, Int, Int).self) }
            }
            #expect(states.count == 1)
            #expect(states.first?.0 == "completed" && states.first?.1 == 1 && states.first?.2 == total)
        }
    }

    @Test func aTenantWithTwentyThousandJobsDoesNotDelayAnotherTenantsTen() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            let big = UUID(), small = UUID()
            try db.owner { c in
                try c.execute("""
                    INSERT INTO jobs (queue, kind, tenant_id, args, created_at, scheduled_at)
                    SELECT \(queue.configuration.name), 'test.bulk', \(big), jsonb_build_object('n', i),
                           now() - interval '1 hour', now() - interval '1 hour'
                      FROM generate_series(1, 20000) AS i
                    """)
                try c.execute("ANALYZE jobs")
            }
            // The small tenant's jobs come later, behind all 20,000.
            try queue.pool.transaction { c in
                for n in 0..<10 {
                    try queue.enqueue(on: c, kind: "test.small", args: Payload(n: n), tenantID: small)
                }
            }
            var order: [UUID?] = []
            for _ in 0..<3 {
                order += try queue.claim(batch: 10, workerID: "w").map(\.tenantID)
            }
            // Round-robin: the first batch already holds five of each, the second the rest.
            #expect(order.prefix(10).filter { $0 == small }.count == 5)
            #expect(order.prefix(20).filter { $0 == small }.count == 10)
            #expect(order.filter { $0 == big }.count == 20)
        }
    }

    @Test func aScheduledJobIsNotClaimedBeforeItsTime() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            let id = try #require(try queue.pool.transaction { c in
                try queue.enqueue(on: c, kind: "test.later", args: Payload(n: 1), scheduledAt: Date().addingTimeInterval(3600))
            })
            #expect(try db.stateOf(id) == (.scheduled, 0))
            #expect(try queue.claim(batch: 10, workerID: "w").isEmpty)
            #expect(try queue.promoteDueJobs() == 0)
            #expect(try queue.claim(batch: 10, workerID: "w").isEmpty)
            // Time passes (by the database clock): the leader's sweep makes it available.
            try db.owner { c in try c.execute("UPDATE jobs SET scheduled_at = now() - interval '1 second' WHERE id = \(id)") }
            #expect(try queue.claim(batch: 10, workerID: "w").isEmpty)
            #expect(try queue.promoteDueJobs() == 1)
            #expect(try queue.claim(batch: 10, workerID: "w").map(\.id) == [id])
        }
    }

    @Test func moreUrgentPriorityIsClaimedFirst() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            let ids = try queue.pool.transaction { c in
                try [4, 2, 1, 3].map { p in try #require(try queue.enqueue(on: c, kind: "test.p", args: Payload(n: p), priority: p)) }
            }
            let claimed = try queue.claim(batch: 2, workerID: "w")
            #expect(claimed.map(\.priority) == [1, 2])
            #expect(Set(claimed.map(\.id)) == [ids[2], ids[1]])
            #expect(claimed.allSatisfy { $0.attempt == 1 && $0.state == .running && $0.attemptedBy == "w" })
            #expect(claimed.allSatisfy { ($0.pickupDelay ?? -1) >= 0 })
        }
    }
}
