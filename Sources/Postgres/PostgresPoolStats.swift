/// A snapshot of the pool's gauges and counters, for `/metrics`.
public struct PostgresPoolStats: Sendable, Equatable {
    /// Connections lent out (or being opened for a borrower).
    public var inUse: Int
    /// Connections open and waiting in the pool.
    public var idle: Int
    /// The configured bound.
    public var maxConnections: Int
    /// Threads waiting for a connection right now.
    public var waiting: Int
    /// Acquires that had to wait, since start.
    public var totalWaits: Int
    /// Acquires that gave up after the acquire timeout, since start.
    public var totalTimeouts: Int
    /// Sessions opened, since start (reconnects included).
    public var totalConnectionsOpened: Int
    /// Sessions closed because they broke, aged out or failed a health check, since start.
    public var totalConnectionsDiscarded: Int
}
