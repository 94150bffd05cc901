import Glibc
import Testing
@testable import Runtime

@Suite struct SignalWaiterTests {
    /// kinerja-api's second signal: the first releases `wait()`, a later one ends the drain pause.
    @Test func aSecondSignalEndsTheWaitForAnother() {
        // SIGUSR2, not SIGTERM: the handlers stay installed for the rest of the test process.
        let signals = SignalWaiter(signals: [SIGUSR2])
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
