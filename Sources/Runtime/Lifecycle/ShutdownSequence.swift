import Synchronization

/// Steps run in reverse order of registration at shutdown: the last thing started (the HTTP
/// listener) stops first, the first thing started (the database pool) last.
public final class ShutdownSequence: Sendable {
    private let steps = Mutex<[(name: String, run: @Sendable () -> Void)]>([])
    private let logger: Logger

    public init(logger: Logger) { self.logger = logger }

    /// Registers a step; steps run last-in, first-out.
    public func add(_ name: String, _ run: @escaping @Sendable () -> Void) {
        steps.withLock { $0.append((name, run)) }
    }

    /// Runs every registered step once, newest first, logging each.
    public func run() {
        let pending = steps.withLock { steps -> [(name: String, run: @Sendable () -> Void)] in
            defer { steps.removeAll() }
            return steps
        }
        for step in pending.reversed() {
            logger.info("shutdown step", ["step": .string(step.name)])
            step.run()
        }
    }
}
