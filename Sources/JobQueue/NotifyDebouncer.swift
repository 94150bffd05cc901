import Synchronization

/// Decides whether an enqueue sends a NOTIFY: at most one per queue per interval, per process.
///
/// Every NOTIFY takes a database-wide lock at commit, so a burst of enqueues must not send one
/// each. A skipped notification costs at most one polling interval of latency, and the sent one
/// usually wakes a worker that then claims the whole burst.
final class NotifyDebouncer: Sendable {
    private let interval: Duration
    private let lastSent = Mutex<[String: ContinuousClock.Instant]>([:])

    init(interval: Duration) {
        self.interval = interval
    }

    /// True (and remembers now) when `queue` had no notification within the interval.
    func shouldNotify(_ queue: String, now: ContinuousClock.Instant = .now) -> Bool {
        lastSent.withLock { sent in
            if let last = sent[queue], now - last < interval { return false }
            sent[queue] = now
            return true
        }
    }
}
