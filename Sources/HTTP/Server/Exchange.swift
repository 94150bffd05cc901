/// One request on its way to a response: what to run, and where the response goes back to.
struct Exchange: Sendable {
    /// What produces the response.
    enum Action: Sendable {
        case handler(Router.Handler)
        /// A response the server decides itself (404, 405, parse errors, timeouts).
        case problem(Problem, extraHeaders: HTTPHeaders)
    }

    var request: Request
    var action: Action
    /// Whether the connection stays open after the response (before shutdown is considered).
    var keepAlive: Bool
    var http10: Bool
    /// Monotonic nanoseconds when the request head was complete.
    var startedAt: Int64
    /// The connection, by file descriptor and generation, so a response for a connection that
    /// closed (and whose descriptor was reused) is dropped.
    var fd: Int32
    var generation: UInt64
}
