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
    private struct Inbox {
        var completions: [Completion] = []
        var wakePending = false
        var drain = false
        var forceClose = false
    }

    private enum Progress {
        case needMoreData
        case queuedOutput
        case dispatched
        case closed
    }

    private let configuration: HTTPServer.Configuration
    private let routes: RouteTable
    private let responder: Responder
    private let pool: HandlerPool
    private let logger: Logger
    private let metrics: HTTPMetrics
    private let limits: RequestParser.Limits
    private let epollFD: Int32
    private let wakeFD: Int32
    private let inbox = Mutex(Inbox())
    private let finished = DispatchSemaphore(value: 0)

    private let headerTimeout: Int64
    private let bodyTimeout: Int64
    private let keepAliveTimeout: Int64
    private let writeTimeout: Int64
    private let lingerTimeout: Int64
    private static let tickNanos: Int64 = 10_000_000
    private static let readBufferSize = 64 * 1024

    // Loop thread only.
    private var listenFD: Int32
    private var listening = true
    private var connections: [Connection?] = []
    private var openCount = 0
    private var nextGeneration: UInt64 = 1
    private var wheel: TimerWheel
    private let readBuffer: UnsafeMutableRawBufferPointer
    private var draining = false
    private var forceClosing = false
    private var ids = RequestIDGenerator()
    private var acceptPausedUntil: Int64 = 0
    private var now: Int64

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

    private func signalWake() {
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
            let waitMillis: Int32 = wheel.count > 0 || acceptPausedUntil != 0 ? Int32(Self.tickNanos / 1_000_000) : -1
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
            fireTimers()
            if acceptPausedUntil != 0 && now >= acceptPausedUntil && listening {
                acceptPausedUntil = 0
                _ = register(listenFD, events: EPOLLIN.rawValue)
            }
            if draining && openCount == 0 { return }
        }
    }

    private func register(_ fd: Int32, events: UInt32) -> Bool {
        var event = epoll_event()
        event.events = events
        event.data.u64 = UInt64(UInt32(bitPattern: fd))
        return epoll_ctl(epollFD, EPOLL_CTL_ADD, fd, &event) == 0
    }

    private func takeInbox() {
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

    private func connection(_ fd: Int32) -> Connection? {
        fd >= 0 && Int(fd) < connections.count ? connections[Int(fd)] : nil
    }

    // MARK: Accepting

    private func acceptConnections() {
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

    // MARK: Connection events

    private func handle(fd: Int32, events: UInt32) {
        guard let connection = connection(fd) else { return }
        if events & (EPOLLERR.rawValue | EPOLLHUP.rawValue) != 0 {
            closeConnection(connection)
            return
        }
        if events & EPOLLRDHUP.rawValue != 0 { connection.peerClosed = true }
        if events & (EPOLLIN.rawValue | EPOLLRDHUP.rawValue) != 0 { connection.readable = true }
        service(connection)
    }

    /// Moves a connection forward as far as it can go without blocking.
    private func service(_ connection: Connection) {
        while !connection.isClosed {
            if connection.hasPendingOutput {
                guard flush(connection) else { return }
            }
            switch connection.state {
            case .handling:
                return
            case .lingering:
                linger(connection)
                return
            case .writing:
                if connection.closeAfterWrite || draining {
                    finishClosing(connection)
                    return
                }
                connection.state = .reading
                connection.idleSince = now
                connection.headStartedAt = nil
            case .reading:
                break
            }
            switch advance(connection) {
            case .queuedOutput:
                continue
            case .dispatched, .closed:
                return
            case .needMoreData:
                if connection.readable {
                    guard receive(connection) else { return }
                    continue
                }
                if draining && connection.parser.phase == .idle {
                    closeConnection(connection)
                    return
                }
                updateDeadline(connection)
                return
            }
        }
    }

    /// Runs the parser over buffered bytes until it needs more, or a request is dispatched.
    private func advance(_ connection: Connection) -> Progress {
        while true {
            switch connection.parser.next() {
            case .needMoreData:
                return .needMoreData
            case .head(let head):
                let match = routes.match(head.method, path: head.path)
                var limit = configuration.defaultBodyLimit
                if case .found(let route, _) = match, let routeLimit = route.bodyLimit { limit = routeLimit }
                connection.pending = Connection.Pending(head: head, match: match, bodyLimit: limit, startedAt: now)
                connection.headStartedAt = nil
                connection.bodyProgressAt = now
                connection.parser.setBodyLimit(limit)
            case .sendContinue:
                queue(connection, bytes: ResponseEncoder.continueBytes)
                return .queuedOutput
            case .complete(let body):
                guard let pending = connection.pending else {
                    closeConnection(connection)
                    return .closed
                }
                connection.pending = nil
                return dispatch(connection, pending: pending, body: body)
            case .failure(let error):
                var problem = Problem.parseError(error)
                if error == .contentTooLarge, let pending = connection.pending {
                    problem.detail = "Isi permintaan melebihi batas \(pending.bodyLimit) bita."
                }
                respondWithProblem(connection, problem)
                return .queuedOutput
            }
        }
    }

    private func dispatch(_ connection: Connection, pending: Connection.Pending, body: [UInt8]) -> Progress {
        let head = pending.head
        var exchange = Exchange(
            request: Request(method: head.method, path: String(head.path), rawQuery: head.query.map(String.init),
                             headers: head.headers, body: body, remoteAddress: connection.remoteAddress),
            action: .problem(.notFound(), extraHeaders: HTTPHeaders()), keepAlive: head.keepAlive,
            http10: head.minorVersion == 0, startedAt: pending.startedAt, fd: connection.fd,
            generation: connection.generation)
        switch pending.match {
        case .found(let route, let parameters):
            exchange.request.pathParameters = parameters
            exchange.request.route = route.pattern
            exchange.action = .handler(route.handler)
            if !route.runsOnReactor {
                connection.state = .handling
                connection.deadline = 0
                pool.submit(exchange)
                return .dispatched
            }
        case .methodNotAllowed(let allow):
            exchange.action = .problem(
                .methodNotAllowed(head.method),
                extraHeaders: ["Allow": allow.map(\.rawValue).joined(separator: ", ")])
        case .notFound:
            break
        case .badPath:
            exchange.action = .problem(.badRequest("Alamat permintaan berisi kode persen yang tidak valid."),
                                       extraHeaders: HTTPHeaders())
        }
        let completion = responder.respond(exchange, ids: &ids)
        queueResponse(connection, bytes: completion.bytes, keepAlive: completion.keepAlive, linger: false)
        return .queuedOutput
    }

    /// Answers with a problem the server decided (parse error, timeout) and closes afterwards.
    private func respondWithProblem(_ connection: Connection, _ problem: Problem) {
        let head = connection.pending?.head
        let request = Request(method: head?.method ?? HTTPMethod("-"), path: head.map { String($0.path) } ?? "-",
                              headers: head?.headers ?? HTTPHeaders())
        let exchange = Exchange(
            request: request, action: .problem(problem, extraHeaders: HTTPHeaders()), keepAlive: false, http10: false,
            startedAt: connection.pending?.startedAt ?? now, fd: connection.fd, generation: connection.generation)
        connection.pending = nil
        let completion = responder.respond(exchange, ids: &ids)
        queueResponse(connection, bytes: completion.bytes, keepAlive: false, linger: true)
    }

    private func queueResponse(_ connection: Connection, bytes: [UInt8], keepAlive: Bool, linger: Bool) {
        connection.state = .writing
        connection.closeAfterWrite = !keepAlive
        connection.lingerOnClose = linger
        queue(connection, bytes: bytes)
    }

    private func queue(_ connection: Connection, bytes: [UInt8]) {
        if connection.hasPendingOutput {
            connection.output.append(contentsOf: bytes)
        } else {
            connection.output = bytes
            connection.outputOffset = 0
        }
    }

    /// Writes pending output; false when it would block or the connection closed.
    private func flush(_ connection: Connection) -> Bool {
        while connection.outputOffset < connection.output.count {
            let offset = connection.outputOffset
            let written = connection.output.withUnsafeBytes { bytes -> Int in
                guard let base = bytes.baseAddress else { return 0 }
                return send(connection.fd, base + offset, bytes.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                connection.outputOffset += written
                continue
            }
            if written < 0 && errno == EINTR { continue }
            if written < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                setDeadline(connection, now + writeTimeout)
                return false
            }
            closeConnection(connection)
            return false
        }
        connection.output = []
        connection.outputOffset = 0
        return true
    }

    /// Reads once into the parser; false when the connection closed.
    private func receive(_ connection: Connection) -> Bool {
        let received = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
        if received > 0 {
            if connection.parser.phase == .body { connection.bodyProgressAt = now }
            connection.parser.append(UnsafeRawBufferPointer(rebasing: readBuffer[0..<received]))
            // A short read drained the socket; edge-triggered epoll reports the next arrival.
            // After the peer's FIN, keep reading so the end of stream is seen.
            if received < readBuffer.count && !connection.peerClosed { connection.readable = false }
            return true
        }
        if received == 0 {
            closeConnection(connection)
            return false
        }
        switch errno {
        case EINTR:
            return true
        case EAGAIN, EWOULDBLOCK:
            connection.readable = false
            return true
        default:
            closeConnection(connection)
            return false
        }
    }

    // MARK: Closing

    /// After a closing response: half-close; linger only when the client may still be sending.
    private func finishClosing(_ connection: Connection) {
        guard connection.lingerOnClose || connection.parser.hasBufferedBytes else {
            closeConnection(connection)
            return
        }
        shutdown(connection.fd, Int32(SHUT_WR))
        connection.state = .lingering
        connection.readable = true
        setDeadline(connection, now + lingerTimeout)
        linger(connection)
    }

    /// Reads and drops input until the client closes; a client that keeps sending a lot is cut off.
    private func linger(_ connection: Connection) {
        var dropped = 0
        while dropped < 1 << 20 {
            let received = recv(connection.fd, readBuffer.baseAddress, readBuffer.count, 0)
            if received > 0 {
                dropped += received
                continue
            }
            if received < 0 && errno == EINTR { continue }
            if received < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                connection.readable = false
                return
            }
            break
        }
        closeConnection(connection)
    }

    private func closeConnection(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        Glibc.close(connection.fd)
        if connections.indices.contains(Int(connection.fd)) { connections[Int(connection.fd)] = nil }
        openCount -= 1
        metrics.connectionsChanged(by: -1)
    }

    private func beginDraining() {
        draining = true
        if listening {
            listening = false
            _ = epoll_ctl(epollFD, EPOLL_CTL_DEL, listenFD, nil)
            Glibc.close(listenFD)
        }
        for case let connection? in connections
        where connection.state == .reading && connection.parser.phase == .idle && !connection.hasPendingOutput {
            closeConnection(connection)
        }
    }

    private func teardown() {
        for case let connection? in connections { closeConnection(connection) }
        if listening {
            listening = false
            Glibc.close(listenFD)
        }
    }

    // MARK: Timeouts

    /// Sets the connection's deadline for its current state.
    private func updateDeadline(_ connection: Connection) {
        switch connection.parser.phase {
        case .idle:
            setDeadline(connection, connection.idleSince + keepAliveTimeout)
        case .head:
            // Counted from the first byte of the request, so trickling lines does not extend it.
            if connection.headStartedAt == nil { connection.headStartedAt = now }
            setDeadline(connection, (connection.headStartedAt ?? now) + headerTimeout)
        case .body:
            setDeadline(connection, connection.bodyProgressAt + bodyTimeout)
        case .failed:
            setDeadline(connection, now)
        }
    }

    private func setDeadline(_ connection: Connection, _ deadline: Int64) {
        connection.deadline = deadline
        let due = (deadline + Self.tickNanos - 1) / Self.tickNanos
        if let filed = connection.filedTick, filed <= due { return }
        connection.filedTick = wheel.schedule(fd: connection.fd, generation: connection.generation, deadline: deadline)
    }

    private func fireTimers() {
        var due: [TimerWheel.Entry] = []
        wheel.advance(to: now) { due.append($0) }
        for entry in due {
            guard let connection = connection(entry.fd), connection.generation == entry.generation,
                  connection.filedTick == entry.tick else { continue }
            connection.filedTick = nil
            guard connection.deadline != 0 else { continue }
            if connection.deadline <= now {
                connection.deadline = 0
                expire(connection)
            } else {
                connection.filedTick = wheel.schedule(fd: connection.fd, generation: connection.generation,
                                                      deadline: connection.deadline)
            }
        }
    }

    private func expire(_ connection: Connection) {
        switch connection.state {
        case .reading where connection.parser.phase == .head || connection.parser.phase == .body:
            respondWithProblem(connection, .requestTimeout)
            service(connection)
        case .handling:
            break
        default:
            closeConnection(connection)
        }
    }
}
