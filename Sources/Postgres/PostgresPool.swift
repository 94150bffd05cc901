import Foundation
import Runtime

/// A bounded pool of blocking connections for OS handler threads.
///
/// `acquire` waits up to `acquireTimeout` and then throws `PostgresError` of kind `.poolTimeout`
/// (the API answers 503). A connection that broke is closed on return and never lent again; an
/// idle one is checked before it is lent (a non-blocking read shows a terminated backend, a
/// round trip after long idleness shows a silent network drop) and replaced when dead or too old.
// @unchecked Sendable: all mutable state is read and written only while holding `condition`.
public final class PostgresPool: @unchecked Sendable {
    /// Pool bounds and session settings.
    public struct Configuration: Sendable {
        /// How each connection is opened.
        public var connection: PostgresConnection.Configuration
        /// The most connections open at once.
        public var maxConnections: Int
        /// How long `acquire` waits for a free connection.
        public var acquireTimeout: Duration
        /// A connection idle for longer gets a round-trip check before it is lent.
        public var healthCheckAfterIdle: Duration
        /// A connection older than this is replaced at checkout (spreads load after failover,
        /// bounds server-side memory growth); nil keeps connections forever.
        public var maxConnectionAge: Duration?

        /// Defaults for an API process: 30 s statement timeout, 60 s idle-in-transaction timeout.
        public init(url: String, maxConnections: Int = 10, acquireTimeout: Duration = .seconds(5),
                    healthCheckAfterIdle: Duration = .seconds(30), maxConnectionAge: Duration? = .seconds(1800),
                    statementTimeout: Duration? = .seconds(30), idleInTransactionSessionTimeout: Duration? = .seconds(60),
                    statementCacheCapacity: Int = 256) {
            connection = PostgresConnection.Configuration(
                url: url, statementTimeout: statementTimeout, idleInTransactionSessionTimeout: idleInTransactionSessionTimeout,
                statementCacheCapacity: statementCacheCapacity)
            self.maxConnections = max(1, maxConnections)
            self.acquireTimeout = acquireTimeout
            self.healthCheckAfterIdle = healthCheckAfterIdle
            self.maxConnectionAge = maxConnectionAge
        }
    }

    private struct IdleConnection {
        let connection: PostgresConnection
        let since: ContinuousClock.Instant
    }

    /// The settings the pool was made with.
    public let configuration: Configuration
    private let logger: Logger
    private let condition = NSCondition()
    private var idle: [IdleConnection] = []
    private var leased = 0
    private var waiting = 0
    private var closed = false
    private var totalWaits = 0
    private var totalTimeouts = 0
    private var totalOpened = 0
    private var totalDiscarded = 0

    /// A pool that opens connections lazily, on demand.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Lends a connection to `body` and takes it back afterwards.
    ///
    /// With `retryOnConnectionLoss`, a `body` that failed because its connection broke runs once
    /// more on a fresh connection; use it only for reads and other idempotent work.
    public func withConnection<T>(retryOnConnectionLoss: Bool = false, _ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try acquire()
        do {
            let value = try body(connection)
            release(connection)
            return value
        } catch let error as PostgresError where retryOnConnectionLoss && error.kind == .connectionFailure && !connection.isUsable {
            release(connection)
            logger.warning("retrying on a fresh database connection after connection loss")
            let fresh = try acquire()
            defer { release(fresh) }
            return try body(fresh)
        } catch {
            release(connection)
            throw error
        }
    }

    /// Runs `body` in a transaction on a pooled connection, re-running it on serialization
    /// failure or deadlock per `retry` (so `body` must have no effects outside the database).
    /// `settings` are set for the transaction only, with its BEGIN (see `PostgresConnection.transaction`).
    public func transaction<T>(isolation: PostgresIsolationLevel? = nil, readOnly: Bool = false,
                               settings: [PostgresSetting] = [], retry: PostgresRetryPolicy = .standard,
                               _ body: (PostgresConnection) throws -> T) throws -> T {
        try withConnection { connection in
            try connection.transaction(isolation: isolation, readOnly: readOnly, settings: settings, retry: retry, body)
        }
    }

    /// Takes a connection, waiting up to the acquire timeout. Every acquire needs one `release`.
    public func acquire() throws -> PostgresConnection {
        let deadline = Date(timeIntervalSinceNow: configuration.acquireTimeout.timeInterval)
        var counted = false
        var timedOut = false
        condition.lock()
        while true {
            if closed {
                condition.unlock()
                throw PostgresError(kind: .poolClosed, debugMessage: "the pool is closed")
            }
            if let entry = idle.popLast() {
                leased += 1
                condition.unlock()
                return try checkOut(entry)
            }
            if leased + idle.count < configuration.maxConnections {
                leased += 1
                condition.unlock()
                return try openForSlot()
            }
            if timedOut {
                totalTimeouts += 1
                condition.unlock()
                throw PostgresError(kind: .poolTimeout, debugMessage: "no connection within \(configuration.acquireTimeout)")
            }
            if !counted { totalWaits += 1; counted = true }
            waiting += 1
            if !condition.wait(until: deadline) { timedOut = Date() >= deadline }
            waiting -= 1
        }
    }

    /// Returns a connection taken with `acquire`. A broken one, or one still inside a
    /// transaction that will not roll back, is closed instead of pooled.
    public func release(_ connection: PostgresConnection) {
        var keep = connection.isUsable
        if keep, connection.transactionStatus != .idle {
            try? connection.simpleQuery("ROLLBACK")
            keep = connection.isUsable && connection.transactionStatus == .idle
        }
        condition.lock()
        leased -= 1
        if keep && !closed {
            idle.append(IdleConnection(connection: connection, since: .now))
        } else {
            totalDiscarded += 1
        }
        condition.signal()
        condition.unlock()
        if !keep || closed { connection.close() }
    }

    /// The current gauges and counters.
    public var stats: PostgresPoolStats {
        condition.lock()
        defer { condition.unlock() }
        return PostgresPoolStats(inUse: leased, idle: idle.count, maxConnections: configuration.maxConnections,
                                 waiting: waiting, totalWaits: totalWaits, totalTimeouts: totalTimeouts,
                                 totalConnectionsOpened: totalOpened, totalConnectionsDiscarded: totalDiscarded)
    }

    /// Closes idle connections now and lent ones when they come back; later acquires throw
    /// `.poolClosed`, and waiting ones wake up and throw it.
    public func close() {
        condition.lock()
        closed = true
        let toClose = idle
        idle.removeAll()
        condition.broadcast()
        condition.unlock()
        for entry in toClose { entry.connection.close() }
    }

    // MARK: - Internals

    /// Validates an idle connection for lending; replaces it when it is dead or too old.
    private func checkOut(_ entry: IdleConnection) throws -> PostgresConnection {
        let connection = entry.connection
        let now = ContinuousClock.now
        var reason: String?
        if let maxAge = configuration.maxConnectionAge, now - connection.openedAt > maxAge {
            reason = "max age"
        } else if !connection.isAliveWithoutWaiting() {
            reason = "connection lost"
        } else if now - entry.since > configuration.healthCheckAfterIdle, !connection.ping() {
            reason = "health check failed"
        }
        guard let reason else { return connection }
        logger.info("replacing database connection", ["reason": .string(reason)])
        connection.close()
        condition.lock()
        totalDiscarded += 1
        condition.unlock()
        do {
            try connection.reconnect()
            condition.lock()
            totalOpened += 1
            condition.unlock()
            return connection
        } catch {
            giveBackSlot()
            throw error
        }
    }

    /// Opens a connection for a slot already counted in `leased`; frees the slot on failure.
    private func openForSlot() throws -> PostgresConnection {
        do {
            let connection = try PostgresConnection(configuration: configuration.connection)
            condition.lock()
            totalOpened += 1
            condition.unlock()
            return connection
        } catch {
            logger.error("could not open a database connection", ["error": .string(String(describing: error))])
            giveBackSlot()
            throw error
        }
    }

    private func giveBackSlot() {
        condition.lock()
        leased -= 1
        condition.signal()
        condition.unlock()
    }
}

extension Duration {
    /// Seconds as `TimeInterval`, for Foundation APIs.
    var timeInterval: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
