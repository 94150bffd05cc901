/// The delay before a failed job's next attempt: `attempt⁴ + base` seconds, capped, plus jitter.
///
/// With the defaults the delays run 16 s, 31 s, 96 s, 271 s, ... up to 24 h, each plus up to 10%
/// random jitter so jobs that failed together do not retry together. Tests inject a fixed
/// function instead.
public struct RetryBackoff: Sendable {
    /// Seconds for a given attempt number (the attempt that just failed).
    public let delay: @Sendable (_ attempt: Int) -> Double

    /// The standard curve: `attempt⁴ + baseSeconds`, at most `maxSeconds`, plus jitter of up to
    /// `jitter` times that.
    public init(baseSeconds: Double = 15, maxSeconds: Double = 24 * 3600, jitter: Double = 0.1) {
        delay = { attempt in
            let a = Double(max(1, min(attempt, 1000)))
            let raw = min(maxSeconds, a * a * a * a + baseSeconds)
            return raw + raw * jitter * Double.random(in: 0...1)
        }
    }

    /// A custom curve (for tests: `RetryBackoff { _ in 0 }`).
    public init(_ delay: @escaping @Sendable (_ attempt: Int) -> Double) {
        self.delay = delay
    }
}
