import Foundation
import JobQueue
import Mail
import Postgres
import Runtime

/// Everything `kinerja-worker` reads from its environment, read once; every problem is reported
/// together. The README's configuration table lists the same.
public struct WorkerConfiguration: Sendable {
    public var database: PostgresPool.Configuration
    /// The queue this worker claims from (`KINERJA_WORKER_QUEUE`), its NOTIFY channel and leader lock.
    public var queue: JobQueue.Configuration
    public var logLevel: LogLevel
    /// Worker threads: at most this many jobs run at once.
    public var threads: Int
    /// Most jobs claimed per statement.
    public var batchSize: Int
    /// How long running jobs get to finish on SIGTERM before they are released.
    public var gracePeriod: Duration
    /// How often a running job's heartbeat is refreshed (`KINERJA_WORKER_HEARTBEAT_MS`); the
    /// rescue bound (`KINERJA_WORKER_RESCUE_AFTER_MS`, in `queue.rescueAfter`) must be at least
    /// three heartbeats, so one slow heartbeat never gets a live job rescued.
    public var heartbeatInterval: Duration
    /// Test-only job kinds to register (`KINERJA_WORKER_TEST_KINDS`, comma-separated; empty in
    /// production). See `SlowEmailTestJob`.
    public var testKinds: Set<String>
    /// SMTP or the outbox folder.
    public var mail: MailConfiguration
    /// The `From` of every e-mail (`KINERJA_MAIL_FROM`, address and optional display name).
    public var mailFromAddress: String
    public var mailFromName: String
    /// The API's public address (`KINERJA_PUBLIC_URL`), which links in e-mails start with; empty:
    /// e-mails carry the path alone.
    public var publicURL: String
    /// Where `/healthz` and `/metrics` of the worker listen.
    public var metricsHost: String
    public var metricsPort: Int
    /// Test only: where `test.record` jobs leave their records (`TestRecordHandler`); nil: the kind is not run.
    public var testRecordDirectory: String?

    /// Reads the configuration from `environment`, throwing every problem at once.
    public static func fromEnvironment(_ environment: [String: String]) throws(ConfigurationError) -> WorkerConfiguration {
        var env = EnvironmentReader(environment)
        let threads = env.int("KINERJA_WORKER_THREADS", default: 4, in: 1...256)
        // Worker sessions: short idle-in-transaction bound (docs/queue.md: never hold a
        // transaction open while a job runs).
        var database = PostgresPool.Configuration(reading: &env, defaultPoolSize: threads + 4)
        database.connection.idleInTransactionSessionTimeout = .seconds(10)
        let heartbeat = env.int("KINERJA_WORKER_HEARTBEAT_MS", default: 5000, in: 50...60_000)
        let rescueAfter = env.int("KINERJA_WORKER_RESCUE_AFTER_MS", default: 60_000, in: 150...86_400_000)
        if rescueAfter < 3 * heartbeat {
            env.report("KINERJA_WORKER_RESCUE_AFTER_MS", "must be at least 3 × KINERJA_WORKER_HEARTBEAT_MS (\(3 * heartbeat))")
        }
        let testKinds = Set(env.string("KINERJA_WORKER_TEST_KINDS", default: "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        for kind in testKinds.subtracting(SlowEmailTestJob.kinds).sorted() {
            env.report("KINERJA_WORKER_TEST_KINDS", "unknown test kind \"\(kind)\" (known: \(SlowEmailTestJob.kinds.sorted().joined(separator: ", ")))")
        }
        let config = WorkerConfiguration(
            database: database,
            queue: JobQueue.Configuration(name: env.string("KINERJA_WORKER_QUEUE", default: "default"),
                                          rescueAfter: .milliseconds(rescueAfter)),
            logLevel: env.oneOf("KINERJA_LOG_LEVEL", default: LogLevel.info),
            threads: threads,
            batchSize: env.int("KINERJA_WORKER_BATCH_SIZE", default: 10, in: 1...1000),
            gracePeriod: env.milliseconds("KINERJA_WORKER_GRACE_MS", default: 20_000, in: 0...600_000),
            heartbeatInterval: .milliseconds(heartbeat),
            testKinds: testKinds,
            mail: MailConfiguration.read(from: &env),
            mailFromAddress: env.string("KINERJA_MAIL_FROM", default: "no-reply@kinerja.example"),
            mailFromName: env.string("KINERJA_MAIL_FROM_NAME", default: "Kinerja"),
            publicURL: env.string("KINERJA_PUBLIC_URL", default: ""),
            metricsHost: env.string("KINERJA_WORKER_METRICS_HOST", default: "127.0.0.1"),
            metricsPort: env.int("KINERJA_WORKER_METRICS_PORT", default: 9090, in: 0...65535),
            testRecordDirectory: env.optional("KINERJA_WORKER_TEST_RECORD_DIR"))
        try env.validate()
        return config
    }
}
