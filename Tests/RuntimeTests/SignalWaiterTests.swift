import Glibc
import Testing
@testable import Runtime

@Suite struct SignalWaiterTests {
    /// kinerja-api's second signal: the first releases `wait()`, a later one ends the drain pause.
    @Test func aSecondSignalEndsTheWaitForAnother() {
        // SIGUSR2, not SIGTERM: the handlers stay installed for the rest of the test process.
        let signals = SignalWaiter(signals: [SIGUSR2])
        // Dispatch registers a signal source asynchronously, and a signal sent before that is
        // ignored and lost (a full test run hung here once): send the first until it is seen,
        // drop its extra copies, and only then count signals one by one.
        var seen = false
        for _ in 0..<300 where !seen {
            kill(getpid(), SIGUSR2)
            seen = signals.waitForAnother(timeout: .milliseconds(100))
        }
        #expect(seen)
        while signals.waitForAnother(timeout: .milliseconds(50)) {}
        kill(getpid(), SIGUSR2)
        #expect(signals.wait() == SIGUSR2)
        #expect(!signals.waitForAnother(timeout: .milliseconds(1)))
        kill(getpid(), SIGUSR2)
        #expect(signals.waitForAnother(timeout: .seconds(30)))
    }

    @Test func triggerReleasesLikeASignal() {
        let signals = SignalWaiter(signals: [])
        signals.trigger()
        #expect(signals.wait() == 0)
        signals.trigger()
        #expect(signals.waitForAnother(timeout: .seconds(30)))
    }
}
