import Foundation
import Postgres
import Synchronization
import Testing
import TestSupport
@testable import JobQueue

@Suite(.requiresDatabase)
struct WorkerTests {
    @Test func aNotificationWakesAnIdleWorker() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            // Polling is a minute away: only the NOTIFY can bring the job in time.
            let worker = JobWorker(queue: queue, configuration: .init(threads: 2, pollInterval: .seconds(60), runsMaintenance: false),
                                   logger: .silent)
            let ran = Atomic<Int>(0)
            try worker.register("test.ping") { _ in ran.add(1, ordering: .relaxed) }
            worker.start()
            defer { worker.stop() }
            #expect(eventually { worker.isListening })
            // Let the start and listener wake-ups run their (empty) claims first.
            #expect(eventually { worker.state.locked { worker.state.pendingWake == nil } })
            Thread.sleep(forTimeInterval: 0.3)

            let id = try #require(try queue.pool.transaction { c in try queue.enqueue(on: c, kind: "test.ping", args: Payload(n: 1)) })
            #expect(eventually { ran.load(ordering: .relaxed) == 1 })
            #expect(eventually { (try? db.stateOf(id).0) == .completed })
            let claim = worker.claimLog.first { $0.jobIDs.contains(id) }
            #expect(claim?.reason == .notification)
        }
    }

    @Test func handlersRetryWithBackoffThenSucceedAndMetricsCountIt() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue { $0.backoff = RetryBackoff { _ in 0 } }
            defer { queue.pool.close() }
            let worker = JobWorker(queue: queue, configuration: .init(threads: 2, pollInterval: .milliseconds(100),
                                                                      maintenanceInterval: .milliseconds(100)),
                                   logger: .silent)
            let attempts = Mutex<[Int]>([])
            struct Transient: Error {}
            try worker.register("test.flaky") { job in
                attempts.withLock { $0.append(job.attempt) }
                #expect(try job.decodeArgs(Payload.self) == Payload(n: 7))
                if job.attempt == 1 { throw Transient() }
            }
            try worker.register("test.bad") { _ in throw PermanentJobError("malformed") }
            #expect(throws: JobQueueError.duplicateHandler("test.bad")) { try worker.register("test.bad") { _ in } }
            worker.start()
            defer { worker.stop() }
            let tenant = UUID()
            let (flaky, bad) = try queue.pool.transaction { c in
                (try queue.enqueue(on: c, kind: "test.flaky", args: Payload(n: 7), tenantID: tenant),
                 try queue.enqueue(on: c, kind: "test.bad", args: Payload(n: 0), tenantID: tenant))
            }
            let flakyID = try #require(flaky), badID = try #require(bad)
            #expect(eventually { (try? db.stateOf(flakyID)) ?? (.available, 0) == (.completed, 2) })
            #expect(eventually { (try? db.stateOf(badID).0) == .discarded })
            #expect(attempts.withLock { $0 } == [1, 2])
            #expect(eventually { worker.metrics.count(.completed) == 1 && worker.metrics.count(.discarded) == 1 })
            #expect(worker.metrics.count(.retryable) == 1)
            let text = worker.metrics.render()
            let q = queue.configuration.name, t = tenant.uuidString.lowercased()
            #expect(text.contains("kinerja_jobs_total{queue=\"\(q)\",kind=\"test.flaky\",tenant=\"\(t)\",outcome=\"completed\"} 1"))
            #expect(text.contains("kinerja_jobs_total{queue=\"\(q)\",kind=\"test.flaky\",tenant=\"\(t)\",outcome=\"retryable\"} 1"))
            #expect(text.contains("kinerja_job_failures_total{queue=\"\(q)\",kind=\"test.bad\"} 1"))
            #expect(text.contains("kinerja_job_discards_total{queue=\"\(q)\",kind=\"test.bad\"} 1"))
            #expect(text.contains("kinerja_job_pickup_seconds_count{queue=\"\(q)\",kind=\"test.flaky\"} 2"))
            #expect(text.contains("kinerja_job_pickup_seconds_count{queue=\"\(q)\",kind=\"test.bad\"} 1"))
            #expect(!text.contains("kinerja_job_discards_total{queue=\"\(q)\",kind=\"test.flaky\""))
            #expect(text.contains("# TYPE kinerja_job_pickup_seconds histogram"))
            let discarded = try #require(try queue.job(id: badID, tenantID: tenant))
            #expect(discarded.errors.map(\.error) == ["malformed"])
        }
    }

    /// A batch handler gets the claimed jobs of its kind together (never more than its limit),
    /// and each job ends as its own result says: completed, retried, or discarded.
    @Test func aBatchHandlerRunsJobsTogetherAndEachEndsAsItsResultSays() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue { $0.backoff = RetryBackoff { _ in 0 } }
            defer { queue.pool.close() }
            // One thread and one claim of ten: the batch is whatever of the kind waits in memory.
            // The leader's tick makes the retried job available again.
            let worker = JobWorker(queue: queue, configuration: .init(threads: 1, batchSize: 10, pollInterval: .milliseconds(100),
                                                                      maintenanceInterval: .milliseconds(100)), logger: .silent)
            let batches = Mutex<[[Int]]>([])
            struct Transient: Error {}
            try worker.register("test.batch", batchesOf: 4) { jobs in
                batches.withLock { $0.append(jobs.map { try! $0.decodeArgs(Payload.self).n }) }
                return jobs.map { job in
                    switch try! job.decodeArgs(Payload.self).n {
                    case 3: .failure(PermanentJobError("three is refused"))
                    case 5 where job.attempt == 1: .failure(Transient())
                    default: .success(())
                    }
                }
            }
            #expect(throws: JobQueueError.duplicateHandler("test.batch")) { try worker.register("test.batch") { _ in } }
            let ids = try queue.pool.transaction { c in
                try (1...6).map { n in try #require(try queue.enqueue(on: c, kind: "test.batch", args: Payload(n: n))) }
            }
            worker.start()
            defer { worker.stop() }
            #expect(eventually { (try? ids.map { try db.stateOf($0).0 }) == [.completed, .completed, .discarded, .completed, .completed, .completed] })
            #expect(try db.stateOf(ids[4]).1 == 2)  // the transient failure ran again, alone or in a later batch
            let seen = batches.withLock { $0 }
            #expect(seen.allSatisfy { $0.count <= 4 })
            #expect(seen.contains { $0.count > 1 })
            #expect(seen.flatMap { $0 }.sorted() == [1, 2, 3, 4, 5, 5, 6])
        }
    }

    @Test func aWorkerClaimsOnlyKindsItHasHandlersFor() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            // Both are due before the worker starts, so one claim would take both if it could.
            let (unknown, known) = try queue.pool.transaction { c in
                (try queue.enqueue(on: c, kind: "test.unknown", args: Payload(n: 1)),
                 try queue.enqueue(on: c, kind: "test.known", args: Payload(n: 2)))
            }
            let unknownID = try #require(unknown), knownID = try #require(known)
            let worker = JobWorker(queue: queue, configuration: .init(threads: 2, pollInterval: .milliseconds(50),
                                                                      runsMaintenance: false), logger: .silent)
            try worker.register("test.known") { _ in }
            worker.start()
            defer { worker.stop() }
            #expect(eventually { (try? db.stateOf(knownID).0) == .completed })
            // Later polls ran too; the first claim would have taken both had it been allowed to.
            #expect(eventually { worker.metrics.claimTotals.claims >= 3 })
            #expect(try db.stateOf(unknownID) == (.available, 0))
            #expect(!worker.claimLog.contains { $0.jobIDs.contains(unknownID) })
            // A worker that knows the kind takes it.
            #expect(try queue.claim(batch: 5, workerID: "w", kinds: ["test.unknown"]).map(\.id) == [unknownID])
        }
    }

    @Test func aWorkerThatDiesMidJobIsRescuedAndTheJobCompletesExactlyOnce() throws {
        try QueueTestDatabase.with { db in
            var configuration = QueueTestDatabase.isolatedConfiguration()
            configuration.rescueAfter = .seconds(1)
            configuration.backoff = RetryBackoff { _ in 0 }
            let queueA = db.makeQueue(configuration: configuration)
            let queueB = db.makeQueue(configuration: configuration)
            defer { queueA.pool.close(); queueB.pool.close() }
            let gate = Gate()
            let startedA = Atomic<Int>(0), ranB = Atomic<Int>(0)
            let a = JobWorker(queue: queueA, configuration: .init(threads: 1, heartbeatInterval: .milliseconds(200),
                                                                  runsMaintenance: false), logger: .silent)
            try a.register("test.long") { _ in
                startedA.add(1, ordering: .relaxed)
                gate.wait()
            }
            a.start()
            let id = try #require(try queueA.pool.transaction { c in try queueA.enqueue(on: c, kind: "test.long", args: Payload(n: 1)) })
            #expect(eventually { startedA.load(ordering: .relaxed) == 1 })
            a.simulateCrash()  // like kill -9: no release, no more heartbeats

            let b = JobWorker(queue: queueB, configuration: .init(threads: 1, pollInterval: .milliseconds(200),
                                                                  maintenanceInterval: .milliseconds(200)), logger: .silent)
            try b.register("test.long") { job in
                #expect(job.attempt == 2)
                ranB.add(1, ordering: .relaxed)
            }
            b.start()
            defer { b.stop() }
            #expect(eventually { (try? db.stateOf(id)) ?? (.available, 0) == (.completed, 2) })
            #expect(b.isLeader)
            // The dead worker's handler finally returns; its run no longer owns the job.
            gate.open()
            #expect(try !queueA.complete(id: id, attempt: 1))
            Thread.sleep(forTimeInterval: 0.3)
            #expect(ranB.load(ordering: .relaxed) == 1)
            #expect(startedA.load(ordering: .relaxed) == 1)
            #expect(b.metrics.count(.completed) == 1)
            let job = try #require(try queueB.job(id: id, tenantID: nil))
            #expect(job.state == .completed && job.attempt == 2)
            #expect(job.errors.count == 1 && job.errors.first?.error.hasPrefix("rescued") == true)
        }
    }

    @Test func gracefulStopReleasesUnstartedJobsAndFinishesOrReleasesRunningOnes() throws {
        try QueueTestDatabase.with { db in
            let queue = db.makeQueue()
            defer { queue.pool.close() }
            let gate = Gate()
            let started = Mutex<[Int]>([])
            let handler: JobWorker.Handler = { job in
                let first = started.withLock { s in
                    s.append(job.id)
                    return s.count == 1
                }
                if first { gate.wait() }
            }
            let ids = try queue.pool.transaction { c in
                try (0..<5).map { n in try #require(try queue.enqueue(on: c, kind: "test.slow", args: Payload(n: n))) }
            }
            // One thread, batches of 5: it claims all five and starts one, which blocks.
            let worker = JobWorker(queue: queue, configuration: .init(threads: 1, batchSize: 5, runsMaintenance: false), logger: .silent)
            try worker.register("test.slow", handler)
            worker.start()
            #expect(eventually { started.withLock { $0.count } == 1 })
            #expect(eventually { worker.state.locked { worker.state.buffer.count } == 4 })
            let report = Mutex<JobWorker.StopReport?>(nil)
            let stopper = Thread { report.withLock { $0 = worker.stop(grace: .seconds(20)) } }
            stopper.start()
            // The four unstarted jobs are back, attempt given back, while the first still runs.
            let first = try #require(started.withLock { $0.first })
            let others = ids.filter { $0 != first }
            #expect(try eventually { try others.allSatisfy { try db.stateOf($0) == (.available, 0) } })
            #expect(try db.stateOf(first) == (.running, 1))
            gate.open()  // finishes within the grace period
            #expect(eventually { report.withLock { $0 } != nil })
            #expect(report.withLock { $0 } == JobWorker.StopReport(releasedUnstarted: 4, interrupted: 0))
            #expect(try db.stateOf(first) == (.completed, 1))
            #expect(started.withLock { $0.count } == 1)

            // A handler that outlasts the grace period: given back as retryable, attempt kept.
            let stuck = Gate()
            defer { stuck.open() }
            let second = JobWorker(queue: queue, configuration: .init(threads: 1, batchSize: 4, runsMaintenance: false), logger: .silent)
            let running = Atomic<Int>(0)
            try second.register("test.slow") { _ in
                running.add(1, ordering: .relaxed)
                stuck.wait()
            }
            second.start()
            #expect(eventually { running.load(ordering: .relaxed) == 1 && second.state.locked { second.state.buffer.count } == 3 })
            let secondReport = second.stop(grace: .milliseconds(300))
            #expect(secondReport == JobWorker.StopReport(releasedUnstarted: 3, interrupted: 1))
            let states = try others.map { try db.stateOf($0) }
            #expect(states.filter { $0 == (.available, 0) }.count == 3)
            #expect(states.filter { $0 == (.retryable, 1) }.count == 1)
        }
    }

    @Test func exactlyOneLeaderAndAnotherTakesOverWhenItStops() throws {
        try QueueTestDatabase.with { db in
            let configuration = QueueTestDatabase.isolatedConfiguration()
            let queueA = db.makeQueue(configuration: configuration), queueB = db.makeQueue(configuration: configuration)
            defer { queueA.pool.close(); queueB.pool.close() }
            let a = JobLeader(queue: queueA, interval: .milliseconds(100), logger: .silent)
            let b = JobLeader(queue: queueB, interval: .milliseconds(100), logger: .silent)
            a.start()
            #expect(eventually { a.isLeader })
            b.start()
            defer { b.stop() }
            Thread.sleep(forTimeInterval: 0.4)
            #expect(a.isLeader && !b.isLeader)
            a.stop()
            #expect(eventually { b.isLeader })
            #expect(eventually { b.ticks > 0 })
        }
    }
}
