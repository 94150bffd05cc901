import Dispatch
import Foundation
import Runtime
import Synchronization

/// An HTTP/1.1 server: one epoll reactor thread owns the sockets, a fixed pool of handler
/// threads runs the routes. `start()` returns once it listens; `shutdown(deadline:)` drains.
///
/// ```swift
/// let router = Router()
/// router.get("/healthz", onReactor: true) { _ in .text("ok") }
/// router.get("/v1/items/:id") { request in try .json(store.item(request.parameter("id"))) }
/// router.post("/v1/items", bodyLimit: 64 * 1024) { request in
///     let input = try request.decode(NewItem.self)   // 400/422 problems on bad input
///     return try .json(store.create(input), status: .created)
/// }
/// let server = HTTPServer(configuration: .init(host: "0.0.0.0", port: 8080, handlerThreads: 8),
///                         router: router, metrics: metrics, logger: logger)
/// try server.start()
/// signals.wait()
/// server.shutdown(deadline: .seconds(10))
/// ```
///
/// Every error response is `application/problem+json` (see `Problem`). Connections over
/// `Configuration.maxConnections` are accepted and closed at once, without a response.
public final class HTTPServer: Sendable {
    private enum State {
        case created
        case running(loop: EventLoop, pool: HandlerPool, port: Int)
        case stopped(port: Int)
    }

    /// The limits and timeouts it runs with.
    public let configuration: Configuration
    /// Counters it updates after every response; render them at `/metrics`.
    public let metrics: HTTPMetrics
    private let routes: RouteTable
    private let logger: Logger
    private let state = Mutex(State.created)
    private let draining = AtomicFlag()
    /// Set to not ready when shutdown begins.
    public let readiness: Readiness

    /// Snapshots `router`'s routes; later registrations do not reach this server.
    public init(configuration: Configuration, router: Router, metrics: HTTPMetrics = HTTPMetrics(),
                logger: Logger = .silent, readiness: Readiness = Readiness()) {
        self.configuration = configuration
        self.metrics = metrics
        self.routes = RouteTable(router.routes)
        self.logger = logger
        self.readiness = readiness
    }

    /// The port it listens on (the chosen one when configured with 0); 0 before `start()`.
    public var boundPort: Int {
        state.withLock { state in
            switch state {
            case .created: 0
            case .running(_, _, let port), .stopped(let port): port
            }
        }
    }

    /// Binds, then starts the reactor and handler threads; returns once listening.
    public func start() throws(HTTPServerError) {
        try state.withLock { state throws(HTTPServerError) in
            guard case .created = state else { throw .alreadyStarted }
            let (fd, port) = try Listener.open(host: configuration.host, port: configuration.port,
                                               backlog: configuration.backlog)
            let pool = HandlerPool(threads: configuration.handlerThreads, namePrefix: configuration.threadNamePrefix)
            let responder = Responder(logger: logger, metrics: metrics,
                                      accessLog: configuration.accessLog, draining: draining)
            let loop: EventLoop
            do throws(HTTPServerError) {
                loop = try EventLoop(listenFD: fd, configuration: configuration, routes: routes, responder: responder,
                                     pool: pool, logger: logger, metrics: metrics)
            } catch {
                close(fd)
                throw error
            }
            pool.start(responder: responder) { completion in loop.complete(completion) }
            let reactorName = configuration.threadNamePrefix + "-reactor"
            let thread = Thread {
                nameCurrentThread(reactorName)
                loop.run()
            }
            thread.stackSize = 4 << 20
            thread.start()
            state = .running(loop: loop, pool: pool, port: port)
            logger.info("http listening", ["host": .string(configuration.host), "port": .int(port)])
        }
    }

    /// Stops accepting (the listener closes), closes idle connections, lets requests in flight
    /// finish and their responses go out, then stops the handler threads. Returns by `deadline`:
    /// whatever is still open then is closed. Safe to call more than once.
    public func shutdown(deadline: Duration) {
        shutdown(deadline: deadline, whileUnready: {})
    }

    /// Marks the server not ready first and runs `pause` while it still accepts and serves every
    /// request, so a load balancer that polls a readiness route stops sending traffic before the
    /// listener closes (what a Kubernetes preStop pause does); then drains as `shutdown(deadline:)`,
    /// whose deadline counts from the end of the pause.
    public func shutdown(deadline: Duration, whileUnready pause: () -> Void) {
        let isRunning = state.withLock { state in
            if case .running = state { return true }
            return false
        }
        guard isRunning else { return }
        readiness.set(ready: false)
        pause()
        let limit = DispatchTime.now() + .nanoseconds(Int(clamping: deadline.nanoseconds))
        let running = state.withLock { state -> (EventLoop, HandlerPool, Int)? in
            guard case .running(let loop, let pool, let port) = state else { return nil }
            state = .stopped(port: port)
            return (loop, pool, port)
        }
        guard let (loop, pool, _) = running else { return }
        draining.set()
        loop.requestDrain()
        if !loop.waitUntilFinished(deadline: limit) {
            logger.warning("http shutdown deadline reached; closing remaining connections")
            loop.requestForceClose()
            _ = loop.waitUntilFinished(deadline: .now() + .milliseconds(500))
        }
        if !pool.stop(deadline: max(limit, .now())) {
            logger.warning("http handler threads still busy after the shutdown deadline")
        }
        logger.info("http stopped")
    }
}
