import CEpoll
import Glibc

/// Per-connection work of the event loop: reading, parsing, dispatching, writing, closing.
extension EventLoop {
    func handle(fd: Int32, events: UInt32) {
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
    /// Each call does a bounded amount of work, so one client pipelining a flood of cheap
    /// requests cannot keep the loop from the others; the rest waits for the next iteration.
    func service(_ connection: Connection) {
        var budget = Self.serviceBudget
        while !connection.isClosed {
            budget -= 1
            if budget < 0 {
                if !connection.isDeferred {
                    connection.isDeferred = true
                    deferred.append(connection)
                }
                return
            }
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
    func advance(_ connection: Connection) -> Progress {
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

    func dispatch(_ connection: Connection, pending: Connection.Pending, body: [UInt8]) -> Progress {
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
                outgoing.append(exchange)
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
        let completion = responder.respond(exchange, ids: &ids, date: &date)
        queueResponse(connection, bytes: completion.bytes, keepAlive: completion.keepAlive, linger: false)
        return .queuedOutput
    }

    /// Answers with a problem the server decided (parse error, timeout) and closes afterwards.
    func respondWithProblem(_ connection: Connection, _ problem: Problem) {
        let head = connection.pending?.head
        let request = Request(method: head?.method ?? HTTPMethod("-"), path: head.map { String($0.path) } ?? "-",
                              headers: head?.headers ?? HTTPHeaders())
        let exchange = Exchange(
            request: request, action: .problem(problem, extraHeaders: HTTPHeaders()), keepAlive: false, http10: false,
            startedAt: connection.pending?.startedAt ?? now, fd: connection.fd, generation: connection.generation)
        connection.pending = nil
        let completion = responder.respond(exchange, ids: &ids, date: &date)
        queueResponse(connection, bytes: completion.bytes, keepAlive: false, linger: true)
    }

    func queueResponse(_ connection: Connection, bytes: [UInt8], keepAlive: Bool, linger: Bool) {
        connection.state = .writing
        connection.closeAfterWrite = !keepAlive
        connection.lingerOnClose = linger
        queue(connection, bytes: bytes)
    }

    func queue(_ connection: Connection, bytes: [UInt8]) {
        if connection.hasPendingOutput {
            connection.output.append(contentsOf: bytes)
        } else {
            connection.output = bytes
            connection.outputOffset = 0
        }
    }

    /// Writes pending output; false when it would block or the connection closed.
    func flush(_ connection: Connection) -> Bool {
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
    func receive(_ connection: Connection) -> Bool {
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
    func finishClosing(_ connection: Connection) {
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
    func linger(_ connection: Connection) {
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

    func closeConnection(_ connection: Connection) {
        guard !connection.isClosed else { return }
        connection.isClosed = true
        Glibc.close(connection.fd)
        if connections.indices.contains(Int(connection.fd)) { connections[Int(connection.fd)] = nil }
        openCount -= 1
        metrics.connectionsChanged(by: -1)
    }

    func beginDraining() {
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

    func teardown() {
        for case let connection? in connections { closeConnection(connection) }
        if listening {
            listening = false
            Glibc.close(listenFD)
        }
    }
}
