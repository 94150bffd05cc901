import Foundation
import Postgres
import Runtime
import Synchronization

/// Elects one process as the queue's leader with `pg_try_advisory_lock` on a dedicated session,
/// and while leader runs the maintenance sweeps (periodic schedules, promotion of due jobs,
/// rescue, cleanup) every interval.
///
/// The lock lives as long as the session: when the leader dies or its connection breaks, the
/// server releases it and another process takes over on its next tick. The session holds no
/// transaction open, so the lock costs nothing to the rest of the database.
public final class JobLeader: Sendable {
    private let queue: JobQueue
    private let interval: Duration
    private let logger: Logger
    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)

    private struct State {
        var started = false
        var stopRequested = false
        var isLeader = false
        var ticks = 0
    }

    /// A leader candidate for `queue`; nothing happens until `start`.
    public init(queue: JobQueue, interval: Duration = .seconds(1), logger: Logger) {
        self.queue = queue
        self.interval = interval
        self.logger = logger
    }

    /// True while this process holds the leader lock.
    public var isLeader: Bool { state.withLock { $0.isLeader } }

    /// Maintenance ticks run as leader so far.
    public var ticks: Int { state.withLock { $0.ticks } }

    /// Starts the candidate's thread (once).
    public func start() {
        let already = state.withLock { s in
            defer { s.started = true }
            return s.started
        }
        guard !already else { return }
        let thread = Thread { [self] in
            run()
            finished.signal()
        }
        thread.name = "job-leader"
        thread.start()
    }

    /// Stops the thread, giving up the lock, and waits for it (up to 5 s).
    public func stop() {
        let started = state.withLock { s in
            s.stopRequested = true
            return s.started
        }
        guard started else { return }
        _ = finished.wait(timeout: .now() + 5)
        finished.signal()
    }

    private var stopRequested: Bool { state.withLock { $0.stopRequested } }

    private func run() {
        var connection: PostgresConnection?
        defer {
            if let connection, isLeader {
                _ = try? connection.query("SELECT pg_advisory_unlock(\(queue.configuration.leaderLockKey))")
            }
            connection?.close()
            state.withLock { $0.isLeader = false }
        }
        while !stopRequested {
            do {
                if connection == nil || connection?.isUsable != true || connection?.isAliveWithoutWaiting() != true {
                    // A lost session has lost its lock too.
                    state.withLock { $0.isLeader = false }
                    connection?.close()
                    connection = try PostgresConnection(url: queue.pool.configuration.connection.url)
                }
                if let session = connection, !isLeader {
                    let won = try session.query("SELECT pg_try_advisory_lock(\(queue.configuration.leaderLockKey))")
                        .first?.decode(Bool.self, at: 0) ?? false
                    if won {
                        state.withLock { $0.isLeader = true }
                        logger.info("job queue leader elected", ["queue": .string(queue.configuration.name)])
                    }
                }
                if isLeader {
                    let report = try queue.runMaintenance()
                    state.withLock { $0.ticks += 1 }
                    if report != JobQueue.MaintenanceReport() {
                        logger.debug("job queue maintenance", [
                            "queue": .string(queue.configuration.name), "promoted": .int(report.promoted),
                            "rescued": .int(report.rescued), "deleted": .int(report.deleted),
                            "scheduled": .int(report.scheduled),
                        ])
                    }
                }
            } catch {
                logger.warning("job queue leader tick failed", ["error": .string(String(describing: error))])
            }
            sleep(interval)
        }
    }

    /// Sleeps in short slices so `stop` is not kept waiting.
    private func sleep(_ duration: Duration) {
        let deadline = ContinuousClock.now + duration
        while !stopRequested, ContinuousClock.now < deadline {
            Thread.sleep(forTimeInterval: min(0.05, Double((deadline - ContinuousClock.now).components.attoseconds) / 1e18
                                                + Double((deadline - ContinuousClock.now).components.seconds)))
        }
    }
}
