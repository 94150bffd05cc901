import Foundation
import Postgres
import Synchronization
import Testing
@testable import JobQueue

@Suite(.requiresDatabase)
struct EnqueueTests {
    @Test func enqueueRolledBackWithItsTransactionLeavesNoJob() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            struct Boom: Error {}
            var enqueued: Int?
            #expect(throws: Boom.self) {
                try queue.pool.transaction(retry: .none) { c in
                    enqueued = try queue.enqueue(on: c, kind: "test.rollback", args: Payload(n: 1))
                    throw Boom()
                }
            }
            #expect(enqueued != nil)
            let count = try db.owner { try $0.query("SELECT count(*) FROM jobs").first?.decode(Int.self, at: 0) }
            #expect(count == 0)

            let committed = try queue.pool.transaction { c in
                try queue.enqueue(on: c, kind: "test.rollback", args: Payload(n: 2), tenantID: UUID())
            }
            let id = try #require(committed)
            #expect(try db.stateOf(id) == (.available, 0))
            let claimed = try queue.claim(batch: 10, workerID: "w")
            #expect(claimed.map(\.id) == [id])
            #expect(try claimed.first?.decodeArgs(Payload.self) == Payload(n: 2))
        }
    }

    @Test func enqueueOutsideATransactionIsRefused() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            _ = try queue.pool.withConnection { c in
                #expect(throws: JobQueueError.notInTransaction) {
                    try queue.enqueue(on: c, kind: "test.x", args: Payload(n: 1))
                }
            }
        }
    }

    @Test func uniqueKeyHoldsUnderConcurrentEnqueues() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue(maxConnections: 8)
            defer { queue.pool.close() }
            let ids = Mutex<[Int?]>([])
            let failures = Atomic<Int>(0)
            runThreads(8) { i in
                do {
                    // Each thread holds its transaction open a moment, so the inserts overlap.
                    let id = try queue.pool.transaction(retry: .none) { c -> Int? in
                        let id = try queue.enqueue(on: c, kind: "email.reminder", args: Payload(n: i),
                                                   uniqueKey: "email.reminder:tenant-1:2026-11-25")
                        Thread.sleep(forTimeInterval: 0.05)
                        return id
                    }
                    ids.withLock { $0.append(id) }
                } catch {
                    failures.add(1, ordering: .relaxed)
                }
            }
            #expect(failures.load(ordering: .relaxed) == 0)
            let all = ids.withLock { $0 }
            #expect(all.count == 8)
            #expect(all.compactMap { $0 }.count == 1)
            let rows = try db.owner { try $0.query("SELECT count(*) FROM jobs").first?.decode(Int.self, at: 0) }
            #expect(rows == 1)

            // A finished job frees its key; a pending one keeps it.
            let first = try #require(all.compactMap { $0 }.first)
            let claimed = try queue.claim(batch: 1, workerID: "w")
            #expect(claimed.map(\.id) == [first])
            #expect(try queue.pool.transaction { c in
                try queue.enqueue(on: c, kind: "email.reminder", args: Payload(n: 9), uniqueKey: "email.reminder:tenant-1:2026-11-25")
            } == nil)
            #expect(try queue.complete(id: first, attempt: 1))
            #expect(try queue.pool.transaction { c in
                try queue.enqueue(on: c, kind: "email.reminder", args: Payload(n: 9), uniqueKey: "email.reminder:tenant-1:2026-11-25")
            } != nil)
        }
    }

    @Test func notifyIsDebouncedPerQueue() {
        let debouncer = NotifyDebouncer(interval: .milliseconds(100))
        let start = ContinuousClock.now
        #expect(debouncer.shouldNotify("a", now: start))
        #expect(!debouncer.shouldNotify("a", now: start + .milliseconds(50)))
        #expect(debouncer.shouldNotify("b", now: start + .milliseconds(50)))
        #expect(debouncer.shouldNotify("a", now: start + .milliseconds(100)))
    }

    @Test func backoffGrowsAsAttemptToTheFourthAndIsCapped() {
        let backoff = RetryBackoff(baseSeconds: 15, maxSeconds: 3600, jitter: 0.1)
        for (attempt, base) in [(1, 16.0), (2, 31.0), (3, 96.0), (10, 3600.0), (500, 3600.0)] {
            let delay = backoff.delay(attempt)
            #expect(delay >= base && delay <= base * 1.1, "attempt \(attempt): \(delay)")
        }
    }
}
