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
        let metrics = HTTPMetrics(), readiness = Readiness()
        let router = try APIRoutes.makeRouter(pool: pool, metrics: metrics,
                                              migrationsDirectory: configuration.migrationsDirectory, logger: logger,
                                              identity: configuration.identity, readiness: readiness, now: now)
        server = HTTPServer(
            configuration: HTTPServer.Configuration(
                host: configuration.httpHost, port: configuration.httpPort, handlerThreads: configuration.handlerThreads,
                maxConnections: configuration.maxConnections, headerTimeout: configuration.headerTimeout,
                bodyTimeout: configuration.bodyTimeout, keepAliveTimeout: configuration.idleTimeout,
                accessLog: configuration.logLevel <= .info),
            router: router, metrics: metrics, logger: logger, readiness: readiness)
    }

    /// Starts listening; the port is `server.boundPort`.
    public func start() throws {
        try server.start()
    }

    /// Ordered shutdown: `/readyz` turns 503 while every request is still served, for the drain
    /// delay (`pause` waits it out and may end it sooner), so load balancers stop sending traffic
    /// first; then HTTP stops accepting and drains within the deadline; then the pool closes.
    public func stop(pause: (Duration) -> Void = { Thread.sleep(forTimeInterval: $0 / .seconds(1)) }) {
        server.shutdown(deadline: configuration.shutdownDeadline) {
            guard configuration.drainDelay > .zero else { return }
            logger.info("not ready; pausing before the drain",
                        ["duration_ms": .int(Int(configuration.drainDelay / .milliseconds(1)))])
            pause(configuration.drainDelay)
        }
        pool.close()
    }
}
