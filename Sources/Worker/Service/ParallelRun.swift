import Foundation
import Synchronization

/// The benchmarks' load: `count` items spread over `threads` OS threads (handlers block), each
/// thread taking the next index until none are left or one fails.
enum ParallelRun {
    /// Runs `body` for every index below `count`; returns the wall time in seconds, or rethrows
    /// the first error (the other threads stop taking items).
    static func timed(threads: Int, count: Int, _ body: @escaping @Sendable (Int) throws -> Void) throws -> Double {
        let next = Atomic<Int>(0)
        let failure = Mutex<(any Error)?>(nil)
        let group = DispatchGroup()
        let started = ContinuousClock.now
        for _ in 0..<max(1, threads) {
            group.enter()
            Thread {
                defer { group.leave() }
                while failure.withLock({ $0 == nil }) {
                    let index = next.add(1, ordering: .relaxed).oldValue
                    guard index < count else { return }
                    do { try body(index) } catch { failure.withLock { $0 = error } }
                }
            }.start()
        }
        group.wait()
        if let error = failure.withLock({ $0 }) { throw error }
        return seconds(.now - started)
    }

    /// A duration in seconds.
    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
