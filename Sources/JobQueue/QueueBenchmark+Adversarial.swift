import Foundation
import Postgres
import Runtime
import Synchronization

/// The adversarial cases of the benchmark: a transaction held open elsewhere during a drain, and
/// a small tenant arriving behind a huge one.
extension QueueBenchmark {
    /// What the adversarial runs measured.
    public struct AdversarialReport: Sendable, CustomStringConvertible {
        /// Jobs per drain below.
        public var jobs: Int
        /// Drain rate with nothing else going on.
        public var baselineJobsPerSecond: Double
        /// Drain rate while another session holds a REPEATABLE READ snapshot open, so vacuum cannot
        /// remove the dead rows the drain leaves behind.
        public var heldTransactionJobsPerSecond: Double
        /// Jobs the huge tenant had queued ahead of the small tenant's ten.
        public var hugeTenantJobs: Int
        /// Seconds from enqueue commit to handler start of each of the small tenant's ten jobs, sorted.
        public var smallTenantPickups: [Double]

        /// One line per case.
        public var description: String {
            func f(_ x: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", x) }
            let worst = smallTenantPickups.last ?? .nan
            return """
                adversarial: drain \(jobs) jobs: \(f(baselineJobsPerSecond)) jobs/s alone, \(f(heldTransactionJobsPerSecond)) jobs/s with a transaction held open elsewhere (\(f(100 * (1 - heldTransactionJobsPerSecond / baselineJobsPerSecond), 1))% slower)
                adversarial: a small tenant's 10 jobs behind \(hugeTenantJobs) of one huge tenant started within \(f(worst * 1000, 1)) ms of enqueue (median \(f((smallTenantPickups.isEmpty ? .nan : smallTenantPickups[smallTenantPickups.count / 2]) * 1000, 1)) ms)
                """
        }
    }

    /// Runs both adversarial cases with `jobs` jobs each, on a queue of its own.
    public static func adversarial(url: String, jobs: Int = 50_000, threads: Int = 4, batchSize: Int = 100,
                                   logger: Logger) throws -> AdversarialReport {
        let baseline = try timedDrain(url: url, jobs: jobs, threads: threads, batchSize: batchSize, holdTransaction: false, logger: logger)
        let held = try timedDrain(url: url, jobs: jobs, threads: threads, batchSize: batchSize, holdTransaction: true, logger: logger)
        let pickups = try smallBehindHuge(url: url, hugeJobs: jobs, threads: threads, batchSize: batchSize, logger: logger)
        return AdversarialReport(jobs: jobs, baselineJobsPerSecond: baseline, heldTransactionJobsPerSecond: held,
                                 hugeTenantJobs: jobs, smallTenantPickups: pickups)
    }

    /// A queue of its own on a new pool; its jobs are deleted by `cleanUp`.
    static func makeBenchQueue(url: String, logger: Logger) -> JobQueue {
        let name = "bench_" + UUID().uuidString.prefix(8).lowercased()
        let pool = PostgresPool(configuration: JobQueue.workerPoolConfiguration(url: url, maxConnections: 6), logger: logger)
        return JobQueue(pool: pool, configuration: JobQueue.Configuration(name: name, channel: "kinerja_jobs_" + name,
                                                                          leaderLockKey: Int64.random(in: 1...Int64.max)),
                        logger: logger)
    }

    /// Inserts `jobs` no-op jobs for `tenants` (round-robin) into `queue` in one statement.
    static func seed(_ queue: JobQueue, jobs: Int, tenants: [UUID]) throws {
        _ = try queue.pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO jobs (queue, kind, tenant_id, args)
                SELECT \(queue.configuration.name), 'bench.noop', (\(tenants))[1 + i % \(tenants.count)], '{}'
                  FROM generate_series(1, \(jobs)) AS i
                """)
        }
    }

    /// Deletes the queue's jobs and closes its pool.
    static func cleanUp(_ queue: JobQueue) {
        _ = try? queue.pool.withConnection { try $0.execute("DELETE FROM jobs WHERE queue = \(queue.configuration.name)") }
        queue.pool.close()
    }

    /// Jobs per second draining `jobs` pre-queued jobs, optionally under a held-open snapshot.
    private static func timedDrain(url: String, jobs: Int, threads: Int, batchSize: Int, holdTransaction: Bool,
                                   logger: Logger) throws -> Double {
        let queue = makeBenchQueue(url: url, logger: logger)
        defer { cleanUp(queue) }
        try seed(queue, jobs: jobs, tenants: [UUID()])
        // A session of its own (not from the pool, whose sessions kill idle transactions).
        let holder = try PostgresConnection(url: url)
        defer { holder.close() }
        if holdTransaction {
            try holder.simpleQuery("BEGIN ISOLATION LEVEL REPEATABLE READ")
            try holder.query("SELECT count(*) FROM jobs WHERE false")
        }
        let worker = JobWorker(queue: queue, configuration: .init(threads: threads, batchSize: batchSize, listens: false,
                                                                  runsMaintenance: false), logger: logger)
        try worker.register("bench.noop") { _ in }
        let start = ContinuousClock.now
        worker.start()
        defer { worker.stop() }
        while worker.metrics.count(.completed) < jobs {
            guard ContinuousClock.now - start < .seconds(1800) else {
                throw PostgresError(kind: .client, debugMessage: "the drain did not finish within 30 minutes")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let elapsed = ContinuousClock.now - start
        if holdTransaction { try holder.simpleQuery("ROLLBACK") }
        return Double(jobs) / (Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }

    /// Pickup latencies of a small tenant's ten jobs enqueued while a huge tenant's backlog drains.
    private static func smallBehindHuge(url: String, hugeJobs: Int, threads: Int, batchSize: Int,
                                        logger: Logger) throws -> [Double] {
        let queue = makeBenchQueue(url: url, logger: logger)
        defer { cleanUp(queue) }
        try seed(queue, jobs: hugeJobs, tenants: [UUID()])
        let started = Mutex<[Int: ContinuousClock.Instant]>([:])
        let worker = JobWorker(queue: queue, configuration: .init(threads: threads, batchSize: batchSize, runsMaintenance: false),
                               logger: logger)
        try worker.register("bench.noop") { _ in }
        try worker.register("bench.small") { job in
            let now = ContinuousClock.now
            started.withLock { $0[job.id] = now }
        }
        worker.start()
        defer { worker.stop() }
        Thread.sleep(forTimeInterval: 1)  // the huge tenant's drain is in full swing
        let small = UUID()
        let connection = try queue.pool.acquire()
        defer { queue.pool.release(connection) }
        try connection.simpleQuery("BEGIN")
        var ids: [Int] = []
        for n in 0..<10 {
            if let id = try queue.enqueue(on: connection, kind: "bench.small", args: ["n": n], tenantID: small) { ids.append(id) }
        }
        let committedAt = ContinuousClock.now
        try connection.simpleQuery("COMMIT")
        let deadline = ContinuousClock.now + .seconds(600)
        while started.withLock({ $0.count }) < ids.count, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: 0.001)
        }
        return started.withLock { $0.values.map { d in
            let delta = d - committedAt
            return Double(delta.components.seconds) + Double(delta.components.attoseconds) / 1e18
        } }.sorted()
    }
}
