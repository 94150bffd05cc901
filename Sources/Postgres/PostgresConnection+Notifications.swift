import CLibPQ
import Glibc

/// What the listener needs from a connection: identifier quoting, waiting on the socket and
/// draining notifications.
extension PostgresConnection {
    /// `LISTEN "channel"`, with the channel quoted by libpq (channels are identifiers, which
    /// cannot be binds).
    func listen(_ channel: String) throws {
        let handle = try requireHandle()
        guard let quoted = PQescapeIdentifier(handle, channel, channel.utf8.count) else {
            throw PostgresError.connection(handle, context: "could not quote channel name")
        }
        let identifier = String(cString: quoted)
        PQfreemem(quoted)
        try simpleQuery("LISTEN " + identifier)
    }

    /// Waits up to `timeout` for input and reads it; throws `.connectionFailure` when the
    /// connection is gone. Returns whether anything was read.
    func waitForInput(timeout: Duration) throws -> Bool {
        let handle = try requireHandle()
        let milliseconds = Int32(clamping: timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        let ready = poll(&descriptor, 1, milliseconds)
        if ready < 0 {
            if errno == EINTR { return false }
            throw PostgresError(kind: .connectionFailure, debugMessage: "poll failed: errno \(errno)")
        }
        guard ready > 0 else { return false }
        guard PQconsumeInput(handle) != 0, PQstatus(handle) == CONNECTION_OK else {
            throw PostgresError.connection(handle, context: "connection lost")
        }
        return true
    }

    /// The notifications libpq has read so far (they also arrive alongside query results).
    func drainNotifications() -> [PostgresNotification] {
        guard let handle = rawHandle else { return [] }
        var out: [PostgresNotification] = []
        while let notify = PQnotifies(handle) {
            let n = notify.pointee
            out.append(PostgresNotification(channel: n.relname.map { String(cString: $0) } ?? "",
                                            payload: n.extra.map { String(cString: $0) } ?? "",
                                            senderPID: n.be_pid))
            PQfreemem(notify)
        }
        return out
    }
}
