/// Deadlines of the event loop: which one applies in each connection state, and what expiry does.
extension EventLoop {
    /// Sets the connection's deadline for its current state.
    func updateDeadline(_ connection: Connection) {
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

    func setDeadline(_ connection: Connection, _ deadline: Int64) {
        connection.deadline = deadline
        let due = (deadline + Self.tickNanos - 1) / Self.tickNanos
        if let filed = connection.filedTick, filed <= due { return }
        connection.filedTick = wheel.schedule(fd: connection.fd, generation: connection.generation, deadline: deadline)
    }

    func fireTimers() {
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

    func expire(_ connection: Connection) {
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
