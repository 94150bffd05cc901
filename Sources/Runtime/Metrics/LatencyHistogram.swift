/// A cumulative histogram in the Prometheus style: counts per upper bound, a sum and a count.
/// A value type: its owner guards it.
public struct LatencyHistogram: Sendable, Equatable {
    /// Upper bounds in seconds, ascending; `+Inf` is implicit.
    public let bounds: [Double]
    /// Observations at or below each bound (not cumulative here; `render` accumulates).
    public private(set) var counts: [Int]
    /// Observations above the last bound.
    public private(set) var overflow = 0
    /// The sum of all observations, in seconds.
    public private(set) var sum = 0.0
    /// The number of observations.
    public private(set) var count = 0

    /// Bounds from 1 ms to 5 min, for pickup latency and job duration.
    public static let defaultBounds: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300]

    /// An empty histogram.
    public init(bounds: [Double] = LatencyHistogram.defaultBounds) {
        self.bounds = bounds.sorted()
        counts = Array(repeating: 0, count: bounds.count)
    }

    /// Adds one observation (negative values count as 0).
    public mutating func observe(_ seconds: Double) {
        let value = max(0, seconds)
        sum += value
        count += 1
        if let index = bounds.firstIndex(where: { value <= $0 }) {
            counts[index] += 1
        } else {
            overflow += 1
        }
    }

    /// Adds `other`'s observations (same bounds) to this one, e.g. to sum per-thread shards.
    public mutating func merge(_ other: LatencyHistogram) {
        for index in counts.indices where index < other.counts.count { counts[index] += other.counts[index] }
        overflow += other.overflow
        sum += other.sum
        count += other.count
    }

    /// The Prometheus lines for metric `name` with `labels` (already rendered, may be empty).
    public func render(name: String, labels: String, into out: inout String) {
        var cumulative = 0
        let prefix = labels.isEmpty ? "" : labels + ","
        for (bound, n) in zip(bounds, counts) {
            cumulative += n
            out += "\(name)_bucket{\(prefix)le=\"\(bound)\"} \(cumulative)\n"
        }
        out += "\(name)_bucket{\(prefix)le=\"+Inf\"} \(cumulative + overflow)\n"
        let braces = labels.isEmpty ? "" : "{\(labels)}"
        out += "\(name)_sum\(braces) \(sum)\n"
        out += "\(name)_count\(braces) \(count)\n"
    }
}
