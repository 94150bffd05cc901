/// One client connection. Owned by the event-loop thread alone; never shared.
final class Connection {
    enum State {
        /// Reading and parsing; no request of this connection is being handled.
        case reading
        /// A request is with a handler thread; nothing is read until its response is written,
        /// which keeps pipelined responses in order.
        case handling
        /// A response is being written.
        case writing
        /// After a closing response: our side is shut down, the client's remaining bytes are
        /// read and dropped until it closes or the linger time ends, so it sees the response
        /// instead of a reset.
        case lingering
    }

    /// What the current request's head said, kept until its response is queued.
    struct Pending {
        var head: RequestHead
        var match: RouteTable.Match
        var bodyLimit: Int
        var startedAt: Int64
    }

    let fd: Int32
    let generation: UInt64
    var parser: RequestParser
    var state = State.reading
    /// Edge-triggered epoll: bytes may be waiting that were not read yet.
    var readable = true
    var output: [UInt8] = []
    var outputOffset = 0
    var closeAfterWrite = false
    /// Whether to read and drop the client's remaining input before closing (error responses).
    var lingerOnClose = false
    /// The client shut down its sending side (EPOLLRDHUP).
    var peerClosed = false
    var isClosed = false
    /// Waiting in the loop's list of connections to continue next iteration.
    var isDeferred = false
    var pending: Pending?
    /// The peer's address as text (`RemoteAddress.text`), for `Request.remoteAddress`.
    var remoteAddress = ""

    /// When the current request's first byte arrived (header timeout runs from here).
    var headStartedAt: Int64?
    /// When the body last made progress (idle body timeout runs from here).
    var bodyProgressAt: Int64 = 0
    /// When the connection last became idle (keep-alive timeout runs from here).
    var idleSince: Int64
    /// When writing last made progress or lingering began.
    var stateSince: Int64 = 0
    /// Current deadline, 0 for none; and the wheel tick it is filed under.
    var deadline: Int64 = 0
    var filedTick: Int64?

    init(fd: Int32, generation: UInt64, limits: RequestParser.Limits, now: Int64) {
        self.fd = fd
        self.generation = generation
        self.parser = RequestParser(limits: limits)
        self.idleSince = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }
}
