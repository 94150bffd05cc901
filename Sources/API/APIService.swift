import Foundation
import HTTP
import Postgres
import Runtime

/// kinerja-api assembled: the database pool, the routes and the HTTP server. `main.swift` and the
/// end-to-end tests start it the same way.
public final class APIService: Sendable {
    public let configuration: APIConfiguration
    public let pool: PostgresPool
    public let server: HTTPServer
    private let logger: Logger

    /// Builds the service; nothing listens or connects until `start()`. `now` is the routes' clock.
    public init(configuration: APIConfiguration, logger: Logger, now: @escaping @Sendable () -> Date = { Date() }) throws {
        self.configuration = configuration
        self.logger = logger
        pool = PostgresPool(configuration: configuration.database, logger: logger)
        let metrics = HTTPMetrics()
        let router = try APIRoutes.makeRouter(pool: pool, metrics: metrics,
                                              migrationsDirectory: configuration.migrationsDirectory, logger: logger,
                                              identity: configuration.identity, now: now)
        server = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: configuration.httpHost, port: configuration.httpPort, handlerThreads: configuration.handlerThreads,
                maxConnections: configuration.maxConnections, headerTimeout: configuration.headerTimeout,
                bodyTimeout: configuration.bodyTimeout, keepAliveTimeout: configuration.idleTimeout,
                accessLog: configuration.logLevel <= .info),
            router: router, metrics: metrics, logger: logger)
    }

    /// Starts listening; the port is `server.boundPort`.
    public func start() throws {
        try server.start()
    }

    /// Ordered shutdown: drain HTTP within the deadline, then close the database pool.
    public func stop() {
        server.shutdown(deadline: configuration.shutdownDeadline)
        pool.close()
    }
}
