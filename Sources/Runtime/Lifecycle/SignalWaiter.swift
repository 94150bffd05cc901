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

    /// Releases `wait()` as if a signal had arrived; for tests and fatal errors.
    public func trigger() { latch.release(with: 0) }

    /// Remembers the first release and wakes one waiter for it.
    private final class Latch: Sendable {
        private let semaphore = DispatchSemaphore(value: 0)
        private let value = Mutex<Int32?>(nil)

        func release(with number: Int32) {
            let first = value.withLock { value -> Bool in
                guard value == nil else { return false }
                value = number
                return true
            }
            if first { semaphore.signal() }
        }

        func wait() -> Int32 {
            semaphore.wait()
            return value.withLock { $0 ?? 0 }
        }
    }
}
