import Foundation
import Postgres
import Runtime
import Synchronization

/// The queue's own benchmark, run by `scripts/bench/queue` through an executable's subcommand
/// (the module has no executable of its own): drains pre-queued no-op jobs with a real
/// `JobWorker`, then measures NOTIFY pickup latency one job at a time.
public enum QueueBenchmark {
    /// What one run measured.
    public struct Report: Sendable, CustomStringConvertible {
        /// Jobs drained.
        public var jobs: Int
        /// Wall time of the drain, from worker start until the last completion committed.
        public var seconds: Double
        /// Claim statements that returned jobs, and the jobs they returned.
        public var claims: Int
        /// Completion statements, and the completions they carried.
        public var completionCommits: Int
        /// Completions written by those statements.
        public var completedInBatches: Int
        /// Pickup latency (enqueue commit to handler start) per single job woken by NOTIFY, seconds, sorted.
        public var pickupSamples: [Double]

        /// Drained jobs per second.
        public var jobsPerSecond: Double { seconds > 0 ? Double(jobs) / seconds : 0 }
        /// Jobs per claim statement.
        public var jobsPerFetch: Double { claims > 0 ? Double(jobs) / Double(claims) : 0 }
        /// Completions per completion statement.
        public var jobsPerCommit: Double { completionCommits > 0 ? Double(completedInBatches) / Double(completionCommits) : 0 }

        /// The `p` quantile (0...1) of the pickup samples, nearest rank.
        public func pickup(_ p: Double) -> Double {
            guard !pickupSamples.isEmpty else { return .nan }
            let rank = Int((p * Double(pickupSamples.count)).rounded(.up))
            return pickupSamples[min(max(rank, 1), pickupSamples.count) - 1]
        }

        /// Lines for the benchmark's output, one figure each.
        public var description: String {
            func f(_ x: Double, _ digits: Int = 1) -> String { String(format: "%.\(digits)f", x) }
            return """
                kinerja worker drain: \(jobs) jobs in \(f(seconds, 2)) s = \(f(jobsPerSecond, 0)) jobs/s
                kinerja worker jobs per fetch: \(f(jobsPerFetch)) (\(claims) claims); jobs per completion commit: \(f(jobsPerCommit)) (\(completionCommits) commits)
                kinerja worker pickup latency with NOTIFY (\(pickupSamples.count) single jobs): p50 \(f(pickup(0.5) * 1000, 2)) ms, p99 \(f(pickup(0.99) * 1000, 2)) ms
                """
        }
    }

    /// Inserts `jobs` no-op jobs over four tenants (one INSERT ... generate_series), drains them
    /// with a worker of `threads` threads claiming `batchSize` at a time, then enqueues
    /// `latencySamples` single jobs 150 ms apart (beyond the NOTIFY debounce) to an idle worker
    /// whose polling is 10 s away. Uses a queue name of its own and deletes its jobs afterwards.
    /// `url` is the application role's URL on a migrated database.
    public static func drain(url: String, jobs: Int = 200_000, threads: Int = 4, batchSize: Int = 100,
                             latencySamples: Int = 200, logger: Logger) throws -> Report {
        let queue = makeBenchQueue(url: url, logger: logger)
        defer { cleanUp(queue) }
        try seed(queue, jobs: jobs, tenants: (0..<4).map { _ in UUID() })

        let drainer = JobWorker(queue: queue, configuration: .init(threads: threads, batchSize: batchSize, listens: false,
                                                                   runsMaintenance: false), logger: logger)
        try drainer.register("bench.noop") { _ in }
        let start = ContinuousClock.now
        drainer.start()
        let giveUp = start + .seconds(1800)
        while drainer.metrics.count(.completed) < jobs {
            guard ContinuousClock.now < giveUp else {
                drainer.stop()
                throw PostgresError(kind: .client, debugMessage: "the drain did not finish within 30 minutes")
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        let elapsed = ContinuousClock.now - start
        drainer.stop()
        let (claims, _) = drainer.metrics.claimTotals
        let (commits, batched) = drainer.metrics.completionTotals

        let samples = try measurePickup(queue: queue, samples: latencySamples, logger: logger)
        return Report(jobs: jobs, seconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18,
                      claims: claims, completionCommits: commits, completedInBatches: batched, pickupSamples: samples)
    }

    /// Enqueue-commit-to-start latency of single jobs woken by NOTIFY, sorted.
    private static func measurePickup(queue: JobQueue, samples: Int, logger: Logger) throws -> [Double] {
        guard samples > 0 else { return [] }
        let started = Mutex<[Int: ContinuousClock.Instant]>([:])
        let worker = JobWorker(queue: queue, configuration: .init(threads: 2, batchSize: 10, pollInterval: .seconds(10),
                                                                  runsMaintenance: false), logger: logger)
        try worker.register("bench.ping") { job in
            let now = ContinuousClock.now
            started.withLock { $0[job.id] = now }
        }
        worker.start()
        defer { worker.stop() }
        let deadline = ContinuousClock.now + .seconds(10)
        while !worker.isListening, ContinuousClock.now < deadline { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.2)

        var latencies: [Double] = []
        for n in 0..<samples {
            let connection = try queue.pool.acquire()
            defer { queue.pool.release(connection) }
            try connection.simpleQuery("BEGIN")
            let id = try queue.enqueue(on: connection, kind: "bench.ping", args: ["n": n])
            let committedAt = ContinuousClock.now
            try connection.simpleQuery("COMMIT")
            guard let id else { continue }
            let wait = ContinuousClock.now + .seconds(15)
            var startedAt: ContinuousClock.Instant?
            while startedAt == nil, ContinuousClock.now < wait {
                startedAt = started.withLock { $0[id] }
                if startedAt == nil { Thread.sleep(forTimeInterval: 0.0005) }
            }
            if let startedAt {
                let d = startedAt - committedAt
                latencies.append(Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18)
            }
            Thread.sleep(forTimeInterval: 0.15)
        }
        return latencies.sorted()
    }

    /// Entry point for an executable's `bench-queue` subcommand: reads `KINERJA_DATABASE_URL`
    /// (the application role) and optional `KINERJA_BENCH_JOBS`, `KINERJA_BENCH_THREADS`,
    /// `KINERJA_BENCH_BATCH`, `KINERJA_BENCH_LATENCY_SAMPLES`, `KINERJA_BENCH_ADVERSARIAL_JOBS` (0 skips
    /// the adversarial cases); prints the reports; returns the exit status.
    public static func run(environment: [String: String], logger: Logger) -> Int32 {
        guard let url = environment["KINERJA_DATABASE_URL"], !url.isEmpty else {
            FileHandle.standardError.write(Data("bench-queue: KINERJA_DATABASE_URL is not set\n".utf8))
            return 2
        }
        func int(_ key: String, _ fallback: Int) -> Int { environment[key].flatMap { Int($0) } ?? fallback }
        do {
            let report = try drain(url: url, jobs: int("KINERJA_BENCH_JOBS", 200_000), threads: int("KINERJA_BENCH_THREADS", 4),
                                   batchSize: int("KINERJA_BENCH_BATCH", 100),
                                   latencySamples: int("KINERJA_BENCH_LATENCY_SAMPLES", 200), logger: logger)
            print(report)
            let adversarialJobs = int("KINERJA_BENCH_ADVERSARIAL_JOBS", 50_000)
            if adversarialJobs > 0 {
                print(try adversarial(url: url, jobs: adversarialJobs, threads: int("KINERJA_BENCH_THREADS", 4),
                                      batchSize: int("KINERJA_BENCH_BATCH", 100), logger: logger))
            }
            return 0
        } catch {
            FileHandle.standardError.write(Data("bench-queue: \(error)\n".utf8))
            return 1
        }
    }
}
