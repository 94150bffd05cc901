import CEpoll
import Dispatch
import Glibc
import Runtime
import Synchronization

/// The reactor: one thread with epoll owns every client socket. It accepts, reads, parses,
/// routes, and writes; complete requests go to the `HandlerPool`, whose responses come back
/// through `complete(_:)` and an eventfd wake-up. Client sockets are edge-triggered and
/// registered once for input and output, so no `epoll_ctl` happens per request.
///
/// `@unchecked Sendable` is safe because the mutable state (everything marked "loop thread
/// only") is touched only inside `run()` on the loop thread; other threads use only `inbox`
/// (a `Mutex`), `wakeFD` (an eventfd write) and immutable properties.
final class EventLoop: @unchecked Sendable {
    struct Inbox {
        var completions: [Completion] = []
        var wakePending = false
        var drain = false
        var forceClose = false
    }

    enum Progress {
        case needMoreData
        case queuedOutput
        case dispatched
        case closed
    }

    let configuration: HTTPServer.Configuration
    let routes: RouteTable
    let responder: Responder
    let pool: HandlerPool
    let logger: Logger
    let metrics: HTTPMetrics
    let limits: RequestParser.Limits
    let epollFD: Int32
    let wakeFD: Int32
    let inbox = AdaptiveLock(Inbox())
    let finished = DispatchSemaphore(value: 0)

    let headerTimeout: Int64
    let bodyTimeout: Int64
    let keepAliveTimeout: Int64
    let writeTimeout: Int64
    let lingerTimeout: Int64
    static let tickNanos: Int64 = 10_000_000
    static let readBufferSize = 64 * 1024

    // Loop thread only.
    var listenFD: Int32
    var listening = true
    var connections: [Connection?] = []
    var openCount = 0
    var nextGeneration: UInt64 = 1
    var wheel: TimerWheel
    let readBuffer: UnsafeMutableRawBufferPointer
    var draining = false
    var forceClosing = false
    var ids = RequestIDGenerator()
    var date = HTTPDate()
    var acceptPausedUntil: Int64 = 0
    var now: Int64
    /// Requests dispatched during one loop iteration, handed to the pool together.
    var outgoing: [Exchange] = []
    /// Connections that used up their work budget and continue in the next iteration.
    var deferred: [Connection] = []
    /// Steps (reads or responses) one connection may take per loop iteration.
    static let serviceBudget = 64

    init(listenFD: Int32, configuration: HTTPServer.Configuration, routes: RouteTable, responder: Responder,
         pool: HandlerPool, logger: Logger, metrics: HTTPMetrics) throws(HTTPServerError) {
        let epollFD = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard epollFD >= 0 else { throw .systemCall("epoll_create1", errno: errno) }
        let wakeFD = eventfd(0, Int32(EFD_NONBLOCK) | Int32(EFD_CLOEXEC))
        guard wakeFD >= 0 else {
            let code = errno
            Glibc.close(epollFD)
            throw .systemCall("eventfd", errno: code)
        }
        self.epollFD = epollFD
        self.wakeFD = wakeFD
        self.listenFD = listenFD
        self.configuration = configuration
        self.routes = routes
        self.responder = responder
        self.pool = pool
        self.logger = logger
        self.metrics = metrics
        self.limits = RequestParser.Limits(
            maxRequestLineLength: configuration.maxRequestLineLength, maxHeaderBytes: configuration.maxHeaderBytes,
            maxHeaderCount: configuration.maxHeaderCount, defaultBodyLimit: configuration.defaultBodyLimit)
        headerTimeout = configuration.headerTimeout.nanoseconds
        bodyTimeout = configuration.bodyTimeout.nanoseconds
        keepAliveTimeout = configuration.keepAliveTimeout.nanoseconds
        writeTimeout = configuration.writeTimeout.nanoseconds
        lingerTimeout = configuration.lingerTimeout.nanoseconds
        now = MonotonicClock.nanoseconds()
        wheel = TimerWheel(tickNanos: Self.tickNanos, now: now)
        readBuffer = UnsafeMutableRawBufferPointer.allocate(byteCount: Self.readBufferSize, alignment: 16)
        guard register(listenFD, events: EPOLLIN.rawValue), register(wakeFD, events: EPOLLIN.rawValue) else {
            let code = errno
            Glibc.close(epollFD)
            Glibc.close(wakeFD)
            readBuffer.deallocate()
            throw .systemCall("epoll_ctl", errno: code)
        }
    }

    deinit {
        // Runs only after the loop and every handler thread let go, so no late `complete`
        // can write to a reused descriptor.
        Glibc.close(epollFD)
        Glibc.close(wakeFD)
        readBuffer.deallocate()
    }

    // MARK: Other threads

    /// Hands a finished response to the loop; called by handler threads.
    func complete(_ completion: Completion) {
        let wake = inbox.withLock { inbox -> Bool in
            inbox.completions.append(completion)
            if inbox.wakePending { return false }
            inbox.wakePending = true
            return true
        }
        if wake { signalWake() }
    }

    /// Stops accepting, closes idle connections, and lets the loop end once the rest finish.
    func requestDrain() {
        inbox.withLock { $0.drain = true }
        signalWake()
    }

    /// Closes every connection now and ends the loop.
    func requestForceClose() {
        inbox.withLock { $0.forceClose = true }
        signalWake()
    }

    /// Waits until the loop has ended, at most until `deadline`.
    func waitUntilFinished(deadline: DispatchTime) -> Bool {
        finished.wait(timeout: deadline) == .success
    }

    func signalWake() {
        var one: UInt64 = 1
        _ = write(wakeFD, &one, 8)
    }

    // MARK: Loop

    /// The loop; returns after draining or a forced close.
    func run() {
        let capacity = 256
        let events = UnsafeMutablePointer<epoll_event>.allocate(capacity: capacity)
        defer {
            events.deallocate()
            teardown()
            finished.signal()
        }
        while true {
            let waitMillis: Int32 = !deferred.isEmpty ? 0
                : wheel.count > 0 || acceptPausedUntil != 0 ? Int32(Self.tickNanos / 1_000_000) : -1
            let ready = epoll_wait(epollFD, events, Int32(capacity), waitMillis)
            now = MonotonicClock.nanoseconds()
            if ready < 0 {
                if errno == EINTR { continue }
                logger.error("epoll_wait failed", ["errno": .int(Int(errno))])
                return
            }
            for index in 0..<Int(ready) {
                let event = events[index]
                let fd = Int32(truncatingIfNeeded: event.data.u64)
                if fd == wakeFD {
                    takeInbox()
                } else if fd == listenFD && listening {
                    acceptConnections()
                } else {
                    handle(fd: fd, events: event.events)
                }
            }
            if forceClosing { return }
            if !deferred.isEmpty {
                let resumed = deferred
                deferred.removeAll(keepingCapacity: true)
                for connection in resumed {
                    connection.isDeferred = false
                    service(connection)
                }
            }
            fireTimers()
            if !outgoing.isEmpty {
                pool.submit(outgoing)
                outgoing.removeAll(keepingCapacity: true)
            }
            if acceptPausedUntil != 0 && now >= acceptPausedUntil && listening {
                acceptPausedUntil = 0
                _ = register(listenFD, events: EPOLLIN.rawValue)
            }
            if draining && openCount == 0 { return }
        }
    }

    func register(_ fd: Int32, events: UInt32) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(UInt32(bitPattern: fd))
        return epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0
    }

    func takeInbox() {
        var counter: UInt64 = 0
        _ = read(wakeFD, &counter, 8)
        let (completions, drain, force) = inbox.withLock { inbox in
            let completions = inbox.completions
            inbox.completions.removeAll(keepingCapacity: true)
            inbox.wakePending = false
            return (completions, inbox.drain, inbox.forceClose)
        }
        for completion in completions {
            guard let connection = connection(completion.fd), connection.generation == completion.generation,
                  connection.state == .handling else { continue }
            queueResponse(connection, bytes: completion.bytes, keepAlive: completion.keepAlive, linger: false)
            service(connection)
        }
        if force { forceClosing = true }
        if drain && !draining { beginDraining() }
    }

    func connection(_ fd: Int32) -> Connection? {
        fd >= 0 && Int(fd) < connections.count ? connections[Int(fd)] : nil
    }

    // MARK: Accepting

    func acceptConnections() {
        for _ in 0..<256 {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &peer) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept4(listenFD, $0, &peerLength, Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue))
                }
            }
            if fd < 0 {
                switch errno {
                case EAGAIN, EWOULDBLOCK:
                    return
                case EINTR, ECONNABORTED, EPROTO:
                    continue
                case EMFILE, ENFILE, ENOBUFS, ENOMEM:
                    // Out of descriptors: stop accepting for a moment instead of spinning on a
                    // listener that stays readable.
                    logger.warning("accept paused", ["errno": .int(Int(errno))])
                    _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, nil)
                    acceptPausedUntil = now + 100_000_000
                    return
                default:
                    logger.error("accept failed", ["errno": .int(Int(errno))])
                    return
                }
            }
            // Over the cap the connection is accepted and closed at once, so the backlog does not
            // fill with clients that would time out anyway.
            guard openCount < configuration.maxConnections else {
                Glibc.close(fd)
                continue
            }
            var one: Int32 = 1
            setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let events = EPOLLIN.rawValue | EPOLLOUT.rawValue | EPOLLRDHUP.rawValue | EPOLLET.rawValue
            guard register(fd, events: events) else {
                Glibc.close(fd)
                continue
            }
            if Int(fd) >= connections.count {
                connections.append(contentsOf: repeatElement(nil, count: max(Int(fd) + 1 - connections.count, 64)))
            }
            let connection = Connection(fd: fd, generation: nextGeneration, limits: limits, now: now)
            connection.remoteAddress = RemoteAddress.text(peer)
            nextGeneration += 1
            connections[Int(fd)] = connection
            openCount += 1
            metrics.connectionsChanged(by: 1)
            updateDeadline(connection)
        }
    }
}
