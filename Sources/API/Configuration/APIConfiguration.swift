import Postgres
import Runtime

/// Everything `kinerja-api` reads from its environment, read once at start-up. Every problem is
/// reported together (see `EnvironmentReader`). The README's configuration table lists the same.
public struct APIConfiguration: Sendable {
    /// The database pool (`KINERJA_DATABASE_*`, see `PostgresPool.Configuration(reading:)`).
    public var database: PostgresPool.Configuration
    public var httpHost: String
    public var httpPort: Int
    public var logLevel: LogLevel
    /// OS threads that run handlers; they block on PostgreSQL, so more than cores.
    public var handlerThreads: Int
    public var maxConnections: Int
    public var headerTimeout: Duration
    public var bodyTimeout: Duration
    public var idleTimeout: Duration
    public var shutdownDeadline: Duration
    /// On SIGTERM, how long `/readyz` answers 503 while requests are still served, before the
    /// listener closes (a load balancer's health checks must notice within it).
    public var drainDelay: Duration
    /// Where the shipped migrations are; `/readyz` is 503 until all of them are applied.
    public var migrationsDirectory: String
    /// Login, sessions, one-time tokens and throttling (`IdentityConfiguration`).
    public var identity: IdentityConfiguration

    /// Reads the configuration from `environment`, throwing every problem at once.
    public static func fromEnvironment(_ environment: [String: String], cores: Int) throws(ConfigurationError) -> APIConfiguration {
        var env = EnvironmentReader(environment)
        let threads = env.int("KINERJA_HANDLER_THREADS", default: max(4, 4 * cores), in: 1...1024)
        let config = APIConfiguration(
            database: PostgresPool.Configuration(reading: &env, defaultPoolSize: threads),
            httpHost: env.string("KINERJA_HTTP_HOST", default: "127.0.0.1"),
            httpPort: env.int("KINERJA_HTTP_PORT", default: 8080, in: 0...65535),
            logLevel: env.oneOf("KINERJA_LOG_LEVEL", default: LogLevel.info),
            handlerThreads: threads,
            maxConnections: env.int("KINERJA_HTTP_MAX_CONNECTIONS", default: 10_000, in: 1...1_000_000),
            headerTimeout: env.milliseconds("KINERJA_HTTP_HEADER_TIMEOUT_MS", default: 10_000, in: 1...600_000),
            bodyTimeout: env.milliseconds("KINERJA_HTTP_BODY_TIMEOUT_MS", default: 30_000, in: 1...600_000),
            idleTimeout: env.milliseconds("KINERJA_HTTP_IDLE_TIMEOUT_MS", default: 60_000, in: 1...3_600_000),
            shutdownDeadline: env.milliseconds("KINERJA_SHUTDOWN_DEADLINE_MS", default: 10_000, in: 1...600_000),
            drainDelay: env.milliseconds("KINERJA_HTTP_DRAIN_DELAY_MS", default: 2_000, in: 0...600_000),
            migrationsDirectory: env.string("KINERJA_MIGRATIONS_DIR", default: "migrations"),
            identity: IdentityConfiguration.read(&env))
        try env.validate()
        return config
    }
}
