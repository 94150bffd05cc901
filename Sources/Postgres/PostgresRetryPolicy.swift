import Glibc

/// How often and how patiently to re-run a transaction that failed with a serialization failure
/// (40001) or a deadlock (40P01), the two errors PostgreSQL expects the client to retry.
public struct PostgresRetryPolicy: Sendable {
    /// Total attempts, including the first (1 means no retry).
    public var maxAttempts: Int
    /// The delay before the second attempt; doubles each time, with full jitter.
    public var baseDelay: Duration
    /// The longest delay between attempts.
    public var maxDelay: Duration

    /// A policy with the given bounds.
    public init(maxAttempts: Int, baseDelay: Duration = .milliseconds(5), maxDelay: Duration = .milliseconds(200)) {
        self.maxAttempts = max(1, maxAttempts)
        self.baseDelay = baseDelay
        self.maxDelay = maxDelay
    }

    /// Five attempts, 5 ms doubling up to 200 ms.
    public static let standard = PostgresRetryPolicy(maxAttempts: 5)
    /// One attempt.
    public static let none = PostgresRetryPolicy(maxAttempts: 1)

    /// A random delay in [0, min(maxDelay, baseDelay * 2^(attempt-1))]; full jitter spreads
    /// out transactions that collided, so they do not collide again in lockstep.
    func delay(afterAttempt attempt: Int) -> Duration {
        let cap = min(maxDelay, baseDelay * (1 << min(attempt - 1, 20)))
        let nanos = cap.components.seconds * 1_000_000_000 + cap.components.attoseconds / 1_000_000_000
        guard nanos > 0 else { return .zero }
        return .nanoseconds(Int64.random(in: 0...nanos))
    }

    /// Blocks the calling OS thread (never call from the cooperative pool).
    static func sleep(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        var request = timespec(tv_sec: Int(seconds), tv_nsec: Int(attoseconds / 1_000_000_000))
        var remaining = timespec()
        while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
    }
}
