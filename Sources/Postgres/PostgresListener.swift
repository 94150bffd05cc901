import Foundation
import Runtime
import Synchronization

/// Receives `NOTIFY`s on a dedicated connection and thread.
///
/// The thread connects, `LISTEN`s on every channel, and calls the handler for each notification.
/// When the connection breaks (server restart, terminated backend, network) it reconnects with
/// jittered exponential backoff and `LISTEN`s again. Notifications sent while it was away are
/// lost, so `onListening` (called after every successful `LISTEN`, the first included) is where a
/// consumer catches up by polling.
public final class PostgresListener: Sendable {
    /// The server URL.
    public let url: String
    /// The channels to listen on.
    public let channels: [String]
    private let logger: Logger
    private let reconnectDelay: ClosedRange<Duration>
    private let healthCheckInterval: Duration
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    private struct State {
        var started = false
        var stopRequested = false
        var listeningCount = 0
        var backendPID: Int32?
        var exited = false
    }

    /// A listener; nothing happens until `start`. A quiet connection is pinged every
    /// `healthCheckInterval` so a silently dropped network is noticed too.
    public init(url: String, channels: [String], logger: Logger,
                reconnectDelay: ClosedRange<Duration> = .milliseconds(100) ... .seconds(5),
                healthCheckInterval: Duration = .seconds(30)) {
        self.url = url
        self.channels = channels
        self.logger = logger
        self.reconnectDelay = reconnectDelay
        self.healthCheckInterval = healthCheckInterval
    }

    /// Starts the thread (once). Handlers run on it: keep them short, hand work elsewhere.
    public func start(onListening: (@Sendable () -> Void)? = nil,
                      onNotification: @escaping @Sendable (PostgresNotification) -> Void) {
        let alreadyStarted = state.withLock { state in
            defer { state.started = true }
            return state.started
        }
        guard !alreadyStarted else { return }
        let thread = Thread { [self] in
            run(onListening: onListening, onNotification: onNotification)
            state.withLock { $0.exited = true }
            finished.signal()
        }
        thread.name = "postgres-listener"
        thread.start()
    }

    /// Stops the thread and waits (up to `timeout`) until it has closed its connection.
    @discardableResult
    public func stop(timeout: Duration = .seconds(5)) -> Bool {
        let (started, exited) = state.withLock { state in
            state.stopRequested = true
            return (state.started, state.exited)
        }
        guard started, !exited else { return true }
        guard finished.wait(timeout: .now() + timeout.timeInterval) == .success else { return false }
        finished.signal()  // leave the semaphore signalled for any other caller of stop
        return true
    }

    /// How many times the listener has connected and issued its `LISTEN`s.
    public var listeningCount: Int { state.withLock { $0.listeningCount } }

    /// The backend process id of the current connection, when connected.
    public var backendPID: Int32? { state.withLock { $0.backendPID } }

    /// Waits until the listener has listened at least `count` times; false on timeout.
    public func waitUntilListening(count: Int = 1, timeout: Duration) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while listeningCount < count {
            if ContinuousClock.now >= deadline { return false }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return true
    }

    private var stopRequested: Bool { state.withLock { $0.stopRequested } }

    private func run(onListening: (@Sendable () -> Void)?, onNotification: @Sendable (PostgresNotification) -> Void) {
        var failures = 0
        while !stopRequested {
            do {
                let connection = try PostgresConnection(url: url)
                defer {
                    connection.close()
                    state.withLock { $0.backendPID = nil }
                }
                for channel in channels { try connection.listen(channel) }
                state.withLock {
                    $0.listeningCount += 1
                    $0.backendPID = connection.backendPID
                }
                if failures > 0 { logger.info("listener reconnected", ["channels": .int(channels.count)]) }
                failures = 0
                onListening?()
                try pump(connection, onNotification)
            } catch {
                failures += 1
                let delay = backoff(failures)
                logger.warning("listener connection failed; reconnecting",
                               ["error": .string(String(describing: error)), "retry_ms": .int(Int(delay.timeInterval * 1000))])
                sleep(delay)
            }
        }
    }

    /// Delivers notifications until stop is requested; throws when the connection is lost.
    private func pump(_ connection: PostgresConnection, _ onNotification: @Sendable (PostgresNotification) -> Void) throws {
        var lastTraffic = ContinuousClock.now
        while !stopRequested {
            for notification in connection.drainNotifications() { onNotification(notification) }
            if try connection.waitForInput(timeout: .milliseconds(200)) {
                lastTraffic = .now
            } else if ContinuousClock.now - lastTraffic > healthCheckInterval {
                guard connection.ping() else { throw PostgresError(kind: .connectionFailure, debugMessage: "listener ping failed") }
                lastTraffic = .now
            }
        }
    }

    /// Full jitter over an exponentially growing window, capped.
    private func backoff(_ failures: Int) -> Duration {
        let window = min(reconnectDelay.upperBound, reconnectDelay.lowerBound * (1 << min(failures - 1, 16)))
        return reconnectDelay.lowerBound / 2 + (window - reconnectDelay.lowerBound / 2) * Double.random(in: 0...1)
    }

    /// Sleeps in short slices so `stop` is not kept waiting.
    private func sleep(_ duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !stopRequested, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: min(0.05, (deadline - ContinuousClock.now).timeInterval))
        }
    }
}
