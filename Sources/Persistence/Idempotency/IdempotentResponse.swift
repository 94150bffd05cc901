/// What is kept of a response to answer a retry: status, the headers a client needs, and the
/// body as text (every API answer is JSON). `body` is nil when the answer carried a one-time
/// secret and so was not kept.
public struct IdempotentResponse: Sendable, Equatable {
    /// The status code.
    public var status: Int
    /// The `Content-Type`, if any.
    public var contentType: String?
    /// The `Location`, if any.
    public var location: String?
    /// The body, or nil when it was not kept.
    public var body: String?

    /// Creates a value from its parts.
    public init(status: Int, contentType: String? = nil, location: String? = nil, body: String? = nil) {
        self.status = status
        self.contentType = contentType
        self.location = location
        self.body = body
    }
}
