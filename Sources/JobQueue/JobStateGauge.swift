import Foundation
import Postgres
import Runtime
import Synchronization

/// `kinerja_jobs`: how many jobs of one queue the database holds, by kind, state and tenant, for
/// the worker's `/metrics`. The counters of `JobMetrics` say what one process did; this says what
/// is waiting, running or discarded across all processes (what an operator and the autoscaler
/// look at).
///
/// Bounded in cost: the count runs at most once per `refreshInterval` whatever the scrape rate
/// (scrapes in between get the cached sample), in a read-only transaction with a short
/// `statement_timeout`, and returns at most `maximumSeries` groups. Completed and cancelled rows,
/// the bulk of the table until cleanup deletes them, are not counted: `kinerja_jobs_total` counts
/// those outcomes. A series seen before and absent now is reported as 0 rather than dropped, so a
/// drained backlog shows as 0 and not as the last value seen.
public final class JobStateGauge: Sendable {
    /// The states counted: everything not yet finished, and discarded jobs (they wait for an admin).
    public static let countedStates: [JobState] = [.available, .scheduled, .running, .retryable, .discarded]

    private struct SeriesKey: Hashable, Comparable {
        var kind: String
        var state: String
        var tenant: String
        static func < (a: SeriesKey, b: SeriesKey) -> Bool { (a.kind, a.state, a.tenant) < (b.kind, b.state, b.tenant) }
    }

    private struct State {
        var values: [SeriesKey: Int] = [:]
        var refreshedAt: ContinuousClock.Instant?
        var failures = 0
    }

    private let queue: JobQueue
    private let refreshInterval: Duration
    private let statementTimeout: Duration
    private let maximumSeries: Int
    private let state = Mutex(State())
    /// Serialises refreshes, so concurrent scrapes run one count, not one each.
    private let refreshing = Mutex(())

    /// A gauge over `queue`'s jobs, refreshed at most every `refreshInterval` (default 10 s).
    public init(queue: JobQueue, refreshInterval: Duration = .seconds(10), statementTimeout: Duration = .seconds(2),
                maximumSeries: Int = 1000) {
        self.queue = queue
        self.refreshInterval = refreshInterval
        self.statementTimeout = statementTimeout
        self.maximumSeries = max(1, maximumSeries)
    }

    /// Counts again unless the last count is younger than the refresh interval. A failed count
    /// keeps the previous values and is counted in `kinerja_jobs_gauge_failures_total`.
    public func refreshIfStale() {
        refreshing.withLock { _ in
            let now = ContinuousClock.now
            if let last = state.withLock({ $0.refreshedAt }), now - last < refreshInterval { return }
            do {
                let counts = try count()
                state.withLock { s in
                    for key in s.values.keys { s.values[key] = 0 }
                    for (key, n) in counts where s.values[key] != nil || s.values.count < maximumSeries {
                        s.values[key] = n
                    }
                    s.refreshedAt = now
                }
            } catch {
                state.withLock { s in
                    s.failures += 1
                    s.refreshedAt = now  // do not hammer a struggling database on every scrape
                }
                queue.logger.warning("job state gauge: count failed", ["error": .string(String(describing: error))])
            }
        }
    }

    private func count() throws -> [SeriesKey: Int] {
        let millis = Int(statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000)
        let states = Self.countedStates.map(\.rawValue)
        let rows = try queue.pool.transaction(readOnly: true) { connection in
            try connection.query("SELECT set_config('statement_timeout', \(String(max(1, millis))), true)")
            return try connection.query("""
                SELECT kind, state::text, tenant_id, count(*)::bigint
                  FROM jobs
                 WHERE queue = \(queue.configuration.name) AND state = ANY(\(states)::job_state[])
                 GROUP BY kind, state, tenant_id
                 LIMIT \(maximumSeries)
                """)
        }
        var counts: [SeriesKey: Int] = [:]
        for row in rows {
            let (kind, state, tenant, n) = try row.decode((String, String, UUID?, Int).self)
            counts[SeriesKey(kind: kind, state: state, tenant: JobMetrics.tenantLabel(tenant))] = n
        }
        return counts
    }

    /// The gauge in the Prometheus text format, refreshing first if stale.
    public func render() -> String {
        refreshIfStale()
        let s = state.withLock { $0 }
        let q = "queue=\"\(PrometheusText.escape(queue.configuration.name))\""
        var out = "# HELP kinerja_jobs Jobs in the database by kind, state and tenant (completed and cancelled not counted).\n"
        out += "# TYPE kinerja_jobs gauge\n"
        for (key, n) in s.values.sorted(by: { $0.key < $1.key }) {
            out += "kinerja_jobs{\(q),kind=\"\(PrometheusText.escape(key.kind))\",state=\"\(key.state)\",tenant=\"\(key.tenant)\"} \(n)\n"
        }
        out += "# HELP kinerja_jobs_gauge_failures_total Counts of kinerja_jobs that failed (the previous values were kept).\n"
        out += "# TYPE kinerja_jobs_gauge_failures_total counter\n"
        out += "kinerja_jobs_gauge_failures_total{\(q)} \(s.failures)\n"
        return out
    }
}
