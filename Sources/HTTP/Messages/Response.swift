/// A response a handler returns. The server adds `Content-Length`, `Date`, `X-Request-Id` and
/// `Connection`; a handler sets only what is specific to it.
public struct Response: Sendable {
    /// The status code.
    public var status: HTTPStatus
    /// Header fields set by the handler; the server adds the ones it manages.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]

    /// Creates a value from its parts.
    public init(status: HTTPStatus = .ok, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A `text/plain; charset=utf-8` response.
    public static func text(_ text: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": "text/plain; charset=utf-8"], body: Array(text.utf8))
    }

    /// A body of already-encoded bytes with its content type.
    public static func bytes(_ body: [UInt8], contentType: String, status: HTTPStatus = .ok) -> Response {
        Response(status: status, headers: ["Content-Type": contentType], body: body)
    }

    /// An empty response, 204 by default.
    public static func empty(status: HTTPStatus = .noContent) -> Response {
        Response(status: status)
    }

    /// An `application/problem+json` response (RFC 9457), with `Retry-After` when the problem has one.
    public static func problem(_ problem: Problem) -> Response {
        var headers: HTTPHeaders = ["Content-Type": "application/problem+json"]
        if let seconds = problem.retryAfter { headers.add(name: "Retry-After", value: String(seconds)) }
        for field in problem.headers { headers.add(name: field.name, value: field.value) }
        return Response(status: problem.status, headers: headers, body: Array(problem.json.utf8))
    }
}
