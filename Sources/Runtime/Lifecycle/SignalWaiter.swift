import Foundation
import Glibc
import Synchronization

/// Blocks the calling thread until SIGTERM or SIGINT arrives (or `trigger()` is called), so a
/// `main.swift` can run servers on their own threads and then shut them down in order.
///
/// Signals are taken the way a multithreaded program can take them without losing one (The
/// Linux Programming Interface, 33.2.4): `init` blocks them in the calling thread, so every thread
/// started from it afterwards inherits the block, and one dedicated thread accepts them with
/// `sigwait`. A blocked signal stays pending until that thread takes it, whatever thread the kernel
/// chose for it and however early it came. Dispatch's signal sources, used before, register
/// asynchronously, and a signal sent before that was lost (a full test run hung on it once).
///
/// Create it first in `main.swift`, before anything starts a thread, and once per process: a
/// thread started earlier does not block the signals, and the kernel may hand a signal to it.
public final class SignalWaiter: Sendable {
    private let latch = Latch()
    /// The thread that accepts the signals (nil without signals).
    private let receiver: pthread_t?

    /// Blocks `signals` in the calling thread and starts the thread that accepts them; returns once
    /// that thread waits.
    public init(signals: [Int32] = [SIGTERM, SIGINT]) {
        guard !signals.isEmpty else {
            receiver = nil
            return
        }
        var set = sigset_t()
        sigemptyset(&set)
        for number in signals { sigaddset(&set, number) }
        pthread_sigmask(SIG_BLOCK, &set, nil)
        let latch = self.latch, accepted = set
        let started = DispatchSemaphore(value: 0)
        let identity = Mutex<pthread_t?>(nil)
        let thread = Thread {
            identity.withLock { $0 = pthread_self() }
            started.signal()
            var set = accepted, number: Int32 = 0
            while true {
                // sigwait fails only for a set with invalid signals, which `init` never builds.
                if sigwait(&set, &number) == 0 { latch.release(with: number) }
            }
        }
        thread.name = "signals"
        thread.start()
        started.wait()
        receiver = identity.withLock { $0 }
    }

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

    /// Sends `signal` through the kernel to the thread that accepts signals, as `kill` does to the
    /// process; for tests, whose process has threads started before this waiter (which do not block
    /// the signal, so a `kill` of the whole test process might be handed to one of them).
    func send(_ signal: Int32) {
        if let receiver { pthread_kill(receiver, signal) }
    }

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
