import Glibc
import Testing
@testable import Runtime

@Suite struct SignalWaiterTests {
    /// kinerja-api's second signal: the first releases `wait()`, a later one ends the drain pause.
    /// The first is sent before anyone waits, right after `init`: a blocked signal stays pending
    /// until the waiter's thread takes it, so none is lost however early it comes (Dispatch's
    /// signal sources lost such signals; a full test run hung here once).
    @Test func aSecondSignalEndsTheWaitForAnother() {
        // SIGUSR2, not SIGTERM: it stays blocked in this test's thread for the rest of the process.
        let signals = SignalWaiter(signals: [SIGUSR2])
        signals.send(SIGUSR2)
        #expect(signals.wait() == SIGUSR2)
        #expect(!signals.waitForAnother(timeout: .milliseconds(1)))
        signals.send(SIGUSR2)
        #expect(signals.waitForAnother(timeout: .seconds(30)))
        #expect(!signals.waitForAnother(timeout: .milliseconds(1)))
    }

    /// Every signal the thread took counts, one by one: three sent after each other's acceptance
    /// release three waits.
    @Test func eachAcceptedSignalCountsOnce() {
        let signals = SignalWaiter(signals: [SIGUSR1])
        signals.send(SIGUSR1)
        #expect(signals.wait() == SIGUSR1)
        for _ in 0..<3 {
            signals.send(SIGUSR1)
            #expect(signals.waitForAnother(timeout: .seconds(30)))
        }
        #expect(!signals.waitForAnother(timeout: .milliseconds(1)))
    }

    @Test func triggerReleasesLikeASignal() {
        let signals = SignalWaiter(signals: [])
        signals.trigger()
        #expect(signals.wait() == 0)
        signals.trigger()
        #expect(signals.waitForAnother(timeout: .seconds(30)))
    }
}
