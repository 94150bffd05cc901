/// The request line and header section of one request, as parsed (RFC 9112 sections 3 and 5).
public struct RequestHead: Sendable, Equatable {
    /// How the body is delimited (RFC 9112 section 6.3).
    public enum Framing: Sendable, Equatable {
        case none
        case contentLength(Int)
        case chunked
    }

    /// The request method, case-sensitive as sent.
    public var method: HTTPMethod
    /// The request-target as sent (origin-form, or the path of an absolute-form target).
    public var target: String
    /// The minor version of HTTP/1.x: 0 or 1 (higher minors are treated as 1).
    public var minorVersion: Int
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// How the body is delimited.
    public var framing: Framing
    /// Whether the connection may carry another request after this one (RFC 9112 section 9.3).
    public var keepAlive: Bool
    /// Whether the client sent `Expect: 100-continue` (RFC 9110 section 10.1.1).
    public var expectsContinue: Bool

    /// The target up to `?`.
    public var path: Substring {
        target.firstIndex(of: "?").map { target[..<$0] } ?? target[...]
    }

    /// The target after `?`, without it; nil when there is no query.
    public var query: Substring? {
        target.firstIndex(of: "?").map { target[target.index(after: $0)...] }
    }
}
