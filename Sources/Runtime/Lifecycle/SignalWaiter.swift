import Dispatch
import Foundation
import Synchronization

/// Blocks the calling thread until SIGTERM or SIGINT arrives (or `trigger()` is called), so a
/// `main.swift` can run servers on their own threads and then shut them down in order.
public final class SignalWaiter: Sendable {
    private let latch = Latch()
    // DispatchSourceSignal is not Sendable; the sources are created once in init, only
    // cancelled in deinit, and otherwise touched by Dispatch alone.
    private nonisolated(unsafe) let sources: [DispatchSourceSignal]

    /// Installs handlers for `signals`; their default actions are ignored from now on.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        let queue = DispatchQueue(label: "kinerja.signals")
        let latch = self.latch
        sources = signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { latch.release(with: number) }
            source.resume()
            return source
        }
    }

    deinit { sources.forEach { $0.cancel() } }

    /// Waits for the first signal and returns its number (0 when triggered by code).
    @discardableResult
    public func wait() -> Int32 { latch.wait() }

    /// After `wait()`: waits at most `timeout` for one more signal (or `trigger()`) and tells
    /// whether one came, so a second SIGTERM or Ctrl-C can cut a shutdown pause short.
    public func waitForAnother(timeout: Duration) -> Bool {
        latch.waitForAnother(until: .now() + .nanoseconds(Int(clamping: Int64(timeout / .nanoseconds(1)))))
    }

    /// Releases `wait()` as if a signal had arrived; for tests and fatal errors.
    public func trigger() { latch.release(with: 0) }

    /// Remembers the first release's number; every release wakes one waiter.
    private final class Latch: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        private let value = Mutex<Int32?>(nil)

        func release(with number: Int32) {
            value.withLock { value in
                if value == nil { value = number }
            }
            semaphore.signal()
        }

        func wait() -> Int32 {
            semaphore.wait()
            return value.withLock { $0 ?? 0 }
        }

        func waitForAnother(until deadline: DispatchTime) -> Bool {
            semaphore.wait(timeout: deadline) == .success
        }
    }
}
