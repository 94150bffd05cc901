import Glibc
import Runtime
import Synchronization

/// Request counters, a latency histogram and the open-connection gauge, rendered in the
/// Prometheus text exposition format (version 0.0.4). The server updates it after every
/// response. Updates go to one of several shards picked by the calling thread, so the handler
/// threads do not queue on one lock (a contended `Mutex` is a kernel round trip: measured at 9% of
/// the API's CPU on the one-row benchmark); `render` adds the shards up.
public final class HTTPMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds (Prometheus client defaults).
    public static let bucketBounds: [Double] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct SeriesKey: Hashable {
        let method: String
        let route: String
    }

    /// Everything about one (method, route): counts by status and the latency histogram.
    private struct Series {
        var statuses: [Int: Int] = [:]
        var latency = LatencyHistogram(bounds: HTTPMetrics.bucketBounds)

        mutating func record(status: Int, seconds: Double) {
            statuses[status, default: 0] += 1
            latency.observe(seconds)
        }
    }

    /// One lock's worth of series.
    private final class Shard: Sendable {
        let series = Mutex<[SeriesKey: Series]>([:])
    }

    private static let shardCount = 16
    private let shards: [Shard] = (0..<HTTPMetrics.shardCount).map { _ in Shard() }
    private let open = Atomic<Int>(0)

    /// Creates empty metrics.
    public init() {}

    /// The shard of the calling thread: pthread ids are addresses of thread control blocks, a
    /// stack apart, so the bits above the page offset spread threads over the shards.
    private var shard: Shard {
        let id = UInt(bitPattern: Int(bitPattern: pthread_self()))
        return shards[Int(truncatingIfNeeded: (id >> 12) &* 0x9E37_79B9_7F4A_7C15 >> 60) % Self.shardCount]
    }

    /// Counts one answered request and its latency.
    public func record(method: String, route: String, status: Int, seconds: Double) {
        let key = SeriesKey(method: method, route: route)
        shard.series.withLock { series in
            series[key, default: Series()].record(status: status, seconds: seconds)
        }
    }

    /// Adds `delta` to the open-connection gauge.
    public func connectionsChanged(by delta: Int) {
        open.add(delta, ordering: .relaxed)
    }

    /// The current open-connection gauge.
    public var openConnections: Int { open.load(ordering: .relaxed) }

    /// How many requests were answered with `status` on `route`, for tests and dashboards.
    public func count(method: String, route: String, status: Int) -> Int {
        merged()[SeriesKey(method: method, route: route)]?.statuses[status] ?? 0
    }

    /// Every shard's series added together.
    private func merged() -> [SeriesKey: Series] {
        var total: [SeriesKey: Series] = [:]
        for shard in shards {
            for (key, value) in shard.series.withLock({ $0 }) {
                var sum = total[key, default: Series()]
                for (status, count) in value.statuses { sum.statuses[status, default: 0] += count }
                sum.latency.merge(value.latency)
                total[key] = sum
            }
        }
        return total
    }

    /// Every series in the Prometheus text format, sorted so the output is stable.
    public func render() -> String {
        let snapshot = (series: merged(), openConnections: openConnections)
        var out = "# HELP http_requests_total HTTP requests answered, by method, route pattern and status.\n"
        out += "# TYPE http_requests_total counter\n"
        let series = snapshot.series.sorted { ($0.key.route, $0.key.method) < ($1.key.route, $1.key.method) }
        for (key, value) in series {
            for (status, count) in value.statuses.sorted(by: { $0.key < $1.key }) {
                out += "http_requests_total{method=\(PrometheusText.quoted(key.method)),route=\(PrometheusText.quoted(key.route)),status=\"\(status)\"} \(count)\n"
            }
        }
        out += "# HELP http_request_duration_seconds Time from a complete request head to the encoded response.\n"
        out += "# TYPE http_request_duration_seconds histogram\n"
        for (key, value) in series {
            let labels = "method=\(PrometheusText.quoted(key.method)),route=\(PrometheusText.quoted(key.route))"
            value.latency.render(name: "http_request_duration_seconds", labels: labels, into: &out)
        }
        out += "# HELP http_open_connections Client connections currently open.\n"
        out += "# TYPE http_open_connections gauge\n"
        out += "http_open_connections \(snapshot.openConnections)\n"
        return out
    }
}
