import Postgres

/// The database pool's gauges and counters in Prometheus text exposition format.
enum PoolMetrics {
    static func render(_ stats: PostgresPoolStats) -> String {
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ value: Int) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n\(name) \(value)\n"
        }
        metric("kinerja_db_pool_in_use", "gauge", "Connections lent to handlers.", stats.inUse)
        metric("kinerja_db_pool_idle", "gauge", "Open connections waiting in the pool.", stats.idle)
        metric("kinerja_db_pool_max", "gauge", "Most connections the pool may hold.", stats.maxConnections)
        metric("kinerja_db_pool_waiting", "gauge", "Threads waiting for a connection now.", stats.waiting)
        metric("kinerja_db_pool_waits_total", "counter", "Acquires that had to wait.", stats.totalWaits)
        metric("kinerja_db_pool_timeouts_total", "counter", "Acquires that timed out (answered 503).", stats.totalTimeouts)
        metric("kinerja_db_pool_opened_total", "counter", "Connections opened.", stats.totalConnectionsOpened)
        metric("kinerja_db_pool_discarded_total", "counter", "Connections discarded (broken or too old).", stats.totalConnectionsDiscarded)
        return out
    }
}
