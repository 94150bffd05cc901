import Foundation
import Postgres
import Runtime
import Synchronization

/// Runs jobs of one queue on a fixed set of OS threads (handlers are synchronous and may block).
///
/// One fetcher thread claims batches (waking on NOTIFY through a `PostgresListener`, or on the
/// polling interval when notifications are missed); each claim commits before any handler runs.
/// Worker threads run handlers outside any transaction. A completer thread writes results:
/// successes in batches (one statement for all that finished meanwhile), failures one by one
/// with their backoff. A heartbeat thread keeps every claimed run's heartbeat fresh, so the
/// rescuer leaves it alone. With `runsMaintenance`, a `JobLeader` competes for leadership.
///
/// `stop` is the SIGTERM path: claim nothing more, give back claimed jobs no thread has started,
/// let running handlers finish within the grace period, then give back the rest.
public final class JobWorker: Sendable {
    /// Threads, batch sizes and intervals.
    public struct Configuration: Sendable {
        /// Worker threads, so at most this many handlers run at once.
        public var threads: Int
        /// Most jobs per claim statement; claimed jobs beyond the busy threads wait in memory
        /// (heartbeated), so up to `threads + batchSize` jobs are held at once.
        public var batchSize: Int
        /// Claim anyway after this long without a notification.
        public var pollInterval: Duration
        /// How often running jobs' heartbeats are refreshed (well under the rescue bound).
        public var heartbeatInterval: Duration
        /// How long `stop` waits for running handlers by default.
        public var gracePeriod: Duration
        /// Recorded in `attempted_by`; defaults to host, process id and a random suffix.
        public var workerID: String
        /// LISTEN for wake-ups (needs a direct session, not a transaction pooler).
        public var listens: Bool
        /// Take part in leader election and run maintenance when elected.
        public var runsMaintenance: Bool
        /// The leader's tick.
        public var maintenanceInterval: Duration
        /// How long the completer lets finished runs gather before writing them in one statement.
        public var completionLinger: Duration

        /// Defaults: 4 threads, batches of 10, 1 s polling, 5 s heartbeats, 10 s grace, completions
        /// gathered for 10 ms.
        public init(threads: Int = 4, batchSize: Int = 10, pollInterval: Duration = .seconds(1),
                    heartbeatInterval: Duration = .seconds(5), gracePeriod: Duration = .seconds(10),
                    workerID: String? = nil, listens: Bool = true, runsMaintenance: Bool = true,
                    maintenanceInterval: Duration = .seconds(1), completionLinger: Duration = .milliseconds(10)) {
            self.threads = max(1, threads)
            self.batchSize = max(1, batchSize)
            self.pollInterval = pollInterval
            self.heartbeatInterval = heartbeatInterval
            self.gracePeriod = gracePeriod
            self.workerID = workerID ?? Self.defaultWorkerID()
            self.listens = listens
            self.runsMaintenance = runsMaintenance
            self.maintenanceInterval = maintenanceInterval
            self.completionLinger = completionLinger
        }

        static func defaultWorkerID() -> String {
            let host = ProcessInfo.processInfo.hostName
            return "\(host)-\(ProcessInfo.processInfo.processIdentifier)-\(UInt16.random(in: 0...UInt16.max))"
        }
    }

    /// A handler: runs one job on a worker thread. Return to complete it; throw to fail it
    /// (retried with backoff), or throw `PermanentJobError` to discard it at once.
    public typealias Handler = @Sendable (Job) throws -> Void

    /// A batch handler: runs several claimed jobs of one kind together on one worker thread (one
    /// transaction for all of them, say) and returns how each ended, one result per job in the
    /// order given; a failure is retried or, as `PermanentJobError`, discarded, like a handler's.
    public typealias BatchHandler = @Sendable ([Job]) -> [Result<Void, any Error>]

    /// What is registered for a kind.
    enum Registration {
        case single(Handler)
        /// Up to `limit` jobs at once.
        case batch(limit: Int, BatchHandler)

        /// How many claimed jobs one run takes.
        var limit: Int {
            switch self {
            case .single: 1
            case .batch(let limit, _): limit
            }
        }
    }

    /// What `stop` did.
    public struct StopReport: Sendable, Equatable {
        /// Claimed jobs that no thread had started, made available again.
        public var releasedUnstarted: Int
        /// Running jobs that did not finish within the grace period, made retryable.
        public var interrupted: Int
    }

    /// The queue it works.
    public let queue: JobQueue
    /// The settings.
    public let configuration: Configuration
    /// The worker's counters, for `/metrics`.
    public let metrics: JobMetrics
    let logger: Logger
    let state = JobWorkerState()
    let handlers = Mutex<[String: Registration]>([:])
    let lifecycle = Mutex(Lifecycle())
    let listener: PostgresListener?
    let leader: JobLeader?
    let threadsDone = DispatchSemaphore(value: 0)

    struct Lifecycle {
        var started = false
        var stopped = false
        var backgroundThreads = 0
    }

    /// A worker for `queue`; register handlers, then `start`.
    public init(queue: JobQueue, configuration: Configuration = Configuration(), logger: Logger) {
        self.queue = queue
        self.configuration = configuration
        self.logger = logger.with(["queue": .string(queue.configuration.name)])
        metrics = JobMetrics(queue: queue.configuration.name)
        let url = queue.pool.configuration.connection.url
        listener = configuration.listens
            ? PostgresListener(url: url, channels: [queue.configuration.channel], logger: logger) : nil
        leader = configuration.runsMaintenance
            ? JobLeader(queue: queue, interval: configuration.maintenanceInterval, logger: logger) : nil
    }

    /// Registers the handler for `kind`; throws `.duplicateHandler` for a kind registered twice.
    public func register(_ kind: String, _ handler: @escaping Handler) throws {
        try register(kind, .single(handler))
    }

    /// Registers a batch handler for `kind`: a worker thread that takes a job of this kind also
    /// takes the other jobs of the kind waiting in memory, up to `limit`, and hands them over
    /// together. Jobs are never held back to fill a batch. Throws `.duplicateHandler` as above.
    public func register(_ kind: String, batchesOf limit: Int, _ handler: @escaping BatchHandler) throws {
        try register(kind, .batch(limit: max(1, limit), handler))
    }

    private func register(_ kind: String, _ registration: Registration) throws {
        try handlers.withLock { table in
            guard table[kind] == nil else { throw JobQueueError.duplicateHandler(kind) }
            table[kind] = registration
        }
    }

    /// True once the listener is listening (immediately true without one).
    public var isListening: Bool { listener.map { $0.listeningCount > 0 } ?? true }

    /// True while this worker's process is the queue's leader.
    public var isLeader: Bool { leader?.isLeader ?? false }

    /// The claims that returned jobs (the last 1,000): why each ran and which jobs it got.
    public var claimLog: [(reason: WakeReason, jobIDs: [Int])] {
        state.locked { state.claimLog.map { ($0.reason, $0.ids) } }
    }

    /// Starts the threads (once).
    public func start() {
        let first = lifecycle.withLock { l in
            defer { l.started = true }
            return !l.started
        }
        guard first else { return }
        state.locked { state.pendingWake = .start }
        spawn("job-fetcher", joined: true) { $0.fetchLoop() }
        spawn("job-completer", joined: true) { $0.completeLoop() }
        spawn("job-heartbeat", joined: true) { $0.heartbeatLoop() }
        // Worker threads are not joined: a handler that ignores the grace period may block for
        // good, and stop must still return. They exit by themselves once idle and stopping.
        for index in 0..<configuration.threads {
            spawn("job-worker-\(index)", joined: false) { $0.workLoop() }
        }
        listener?.start(onListening: { [weak self] in self?.wake(.listening) }) { [weak self] notification in
            guard let self, notification.payload == self.queue.configuration.name else { return }
            self.wake(.notification)
        }
        leader?.start()
        logger.info("job worker started", ["threads": .int(configuration.threads), "worker": .string(configuration.workerID)])
    }

    /// Asks the fetcher to claim now (as a NOTIFY does).
    public func wake(_ reason: WakeReason) {
        state.locked {
            if state.pendingWake == nil { state.pendingWake = reason }
            state.condition.broadcast()
        }
    }

    private func spawn(_ name: String, joined: Bool, _ body: @escaping @Sendable (JobWorker) -> Void) {
        if joined { lifecycle.withLock { $0.backgroundThreads += 1 } }
        let thread = Thread { [self] in
            body(self)
            if joined { threadsDone.signal() }
        }
        thread.name = name
        thread.start()
    }
}
