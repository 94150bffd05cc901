import Foundation
import Postgres
import Runtime

/// A PostgreSQL job queue over the `jobs` table of migration 0010.
///
/// Enqueue runs on the caller's connection, inside the caller's transaction, so a job commits (or
/// rolls back) together with the change that caused it. Everything else (claim, complete, fail,
/// admin, maintenance) borrows a connection from the queue's own pool and runs in autocommit:
/// a claim commits before any handler runs, and no transaction stays open while a job works.
public final class JobQueue: Sendable {
    /// Names, bounds and policies of one queue.
    public struct Configuration: Sendable {
        /// The queue name: `claim` takes only jobs of this queue.
        public var name: String
        /// The notification channel; the payload is the queue name.
        public var channel: String
        /// At most one NOTIFY per queue in this interval from this process (each NOTIFY takes a
        /// database-wide lock at commit); polling covers what the debounce skips.
        public var notifyDebounce: Duration
        /// The delay before the next attempt after a failure.
        public var backoff: RetryBackoff
        /// A running job whose heartbeat is older than this is presumed dead and rescued.
        public var rescueAfter: Duration
        /// Completed jobs are deleted after this long.
        public var completedRetention: Duration
        /// Discarded and cancelled jobs are deleted after this long.
        public var discardedRetention: Duration
        /// Rows per statement for promotion, rescue and cleanup, so no sweep holds locks long.
        public var sweepBatchSize: Int
        /// Distinct tenants one claim considers (the round-robin width).
        public var fairnessWidth: Int
        /// `pg_try_advisory_lock` key that elects the leader (scheduler, rescuer, cleanup).
        public var leaderLockKey: Int64

        /// Defaults: queue `default`, channel `kinerja_jobs`, 100 ms debounce, rescue after
        /// 60 s without heartbeat, keep completed jobs 24 h and discarded ones 7 days.
        public init(name: String = "default", channel: String = "kinerja_jobs",
                    notifyDebounce: Duration = .milliseconds(100), backoff: RetryBackoff = RetryBackoff(),
                    rescueAfter: Duration = .seconds(60), completedRetention: Duration = .seconds(24 * 3600),
                    discardedRetention: Duration = .seconds(7 * 24 * 3600), sweepBatchSize: Int = 1000,
                    fairnessWidth: Int = 64, leaderLockKey: Int64 = 0x6B69_6E65_726A_6171) {
            self.name = name
            self.channel = channel
            self.notifyDebounce = notifyDebounce
            self.backoff = backoff
            self.rescueAfter = rescueAfter
            self.completedRetention = completedRetention
            self.discardedRetention = discardedRetention
            self.sweepBatchSize = max(1, sweepBatchSize)
            self.fairnessWidth = max(1, fairnessWidth)
            self.leaderLockKey = leaderLockKey
        }
    }

    /// The queue's settings.
    public let configuration: Configuration
    /// The pool used for everything except `enqueue`.
    public let pool: PostgresPool
    let logger: Logger
    let debouncer: NotifyDebouncer

    /// A queue on `pool`. Give worker pools the session timeouts of `workerPoolConfiguration`.
    public init(pool: PostgresPool, configuration: Configuration = Configuration(), logger: Logger) {
        self.pool = pool
        self.configuration = configuration
        self.logger = logger
        debouncer = NotifyDebouncer(interval: configuration.notifyDebounce)
    }

    /// A pool configuration for workers: statements are bounded (30 s) and a transaction left
    /// idle is killed after 10 s, so a stuck worker cannot keep dead rows alive.
    public static func workerPoolConfiguration(url: String, maxConnections: Int) -> PostgresPool.Configuration {
        PostgresPool.Configuration(url: url, maxConnections: maxConnections, statementTimeout: .seconds(30),
                                   idleInTransactionSessionTimeout: .seconds(10))
    }

    /// How to enqueue one job.
    public struct EnqueueOptions: Sendable {
        /// The tenant the job runs for; nil for platform jobs.
        public var tenantID: UUID?
        /// 1 (most urgent) to 4.
        public var priority: Int
        /// Not before this time; nil means now (the database's now).
        public var scheduledAt: Date?
        /// At most one pending or running job has this key; include kind and tenant in it.
        public var uniqueKey: String?
        /// Attempts before the job is discarded.
        public var maxAttempts: Int
        /// Overrides the queue's name (to enqueue into another queue).
        public var queue: String?

        /// Options with defaults: priority 2, due now, no key, 20 attempts.
        public init(tenantID: UUID? = nil, priority: Int = 2, scheduledAt: Date? = nil, uniqueKey: String? = nil,
                    maxAttempts: Int = 20, queue: String? = nil) {
            self.tenantID = tenantID
            self.priority = priority
            self.scheduledAt = scheduledAt
            self.uniqueKey = uniqueKey
            self.maxAttempts = maxAttempts
            self.queue = queue
        }
    }

    /// Inserts a job on `connection`, which must be inside the caller's transaction: the job
    /// exists only if that transaction commits. Returns the new id, or nil when a pending or
    /// running job with the same `uniqueKey` exists (nothing is inserted then).
    ///
    /// A due job also sends a NOTIFY (delivered at commit), unless this process sent one for the
    /// same queue within the debounce interval.
    @discardableResult
    public func enqueue(on connection: PostgresConnection, kind: String, args: some Encodable,
                        tenantID: UUID? = nil, priority: Int = 2, scheduledAt: Date? = nil,
                        uniqueKey: String? = nil, maxAttempts: Int = 20) throws -> Int? {
        try enqueue(on: connection, kind: kind, args: args,
                    options: EnqueueOptions(tenantID: tenantID, priority: priority, scheduledAt: scheduledAt,
                                            uniqueKey: uniqueKey, maxAttempts: maxAttempts))
    }

    /// `enqueue` with the options in one value.
    @discardableResult
    public func enqueue(on connection: PostgresConnection, kind: String, args: some Encodable,
                        options: EnqueueOptions) throws -> Int? {
        guard connection.transactionStatus == .inTransaction else {
            throw JobQueueError.notInTransaction
        }
        let json = try PostgresJSONB(encoding: args)
        let queue = options.queue ?? configuration.name
        // The state follows the database clock: a time already past is available at once.
        let rows = try connection.query("""
            INSERT INTO jobs (state, queue, kind, tenant_id, args, priority, scheduled_at, max_attempts, unique_key)
            SELECT CASE WHEN at > now() THEN 'scheduled' ELSE 'available' END::job_state,
                   \(queue), \(kind), \(nullable: options.tenantID), \(json), \(options.priority), at, \(options.maxAttempts), \(nullable: options.uniqueKey)
              FROM (SELECT coalesce(\(nullable: options.scheduledAt), now()) AS at) t
            ON CONFLICT (unique_key)
               WHERE unique_key IS NOT NULL AND state IN ('available', 'scheduled', 'running', 'retryable')
               DO NOTHING
            RETURNING id, state
            """)
        guard let row = rows.first else { return nil }
        let (id, state) = try row.decode((Int, JobState).self)
        if state == .available, debouncer.shouldNotify(queue) {
            try connection.notify(configuration.channel, payload: queue)
        }
        return id
    }
}
