/// A complete request as a handler sees it.
public struct Request: Sendable {
    /// One `name=value` pair of the query, percent-decoded (`+` as space).
    public struct QueryItem: Sendable, Equatable {
        /// The name.
        public var name: String
        /// The value.
        public var value: String
        /// Creates a value from its parts.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The request method, case-sensitive as sent.
    public var method: HTTPMethod
    /// The path as sent, still percent-encoded, without the query.
    public var path: String
    /// The query as sent, without `?`; nil when absent.
    public var rawQuery: String?
    /// The header fields in the order received.
    public var headers: HTTPHeaders
    /// The body bytes.
    public var body: [UInt8]
    /// Values of the route's `:name` segments, percent-decoded.
    public var pathParameters: [String: String]
    /// The route pattern that matched, e.g. `/v1/tenants/:id/units`; safe to log and to label metrics.
    public var route: String
    /// The `X-Request-Id` of this request: the client's when well-formed, else generated.
    public var requestID: String
    /// The client's IP address as text (`127.0.0.1`, `2001:db8::1`), from the accepted socket:
    /// the direct peer, so behind a proxy it is the proxy. Empty when unknown.
    public var remoteAddress: String

    /// Creates a value from its parts.
    public init(method: HTTPMethod, path: String, rawQuery: String? = nil, headers: HTTPHeaders = HTTPHeaders(),
                body: [UInt8] = [], pathParameters: [String: String] = [:], route: String = "", requestID: String = "",
                remoteAddress: String = "") {
        self.method = method
        self.path = path
        self.rawQuery = rawQuery
        self.headers = headers
        self.body = body
        self.pathParameters = pathParameters
        self.route = route
        self.requestID = requestID
        self.remoteAddress = remoteAddress
    }

    /// The value of the path parameter `name` (without the colon).
    public func parameter(_ name: String) -> String? { pathParameters[name] }

    /// The query items in order; malformed percent-escapes are kept as sent.
    public var queryItems: [QueryItem] {
        guard let rawQuery, !rawQuery.isEmpty else { return [] }
        return rawQuery.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decode(parts[0], plusAsSpace: true) ?? String(parts[0])
            let rawValue = parts.count > 1 ? parts[1] : ""
            let value = PercentDecoding.decode(rawValue, plusAsSpace: true) ?? String(rawValue)
            return QueryItem(name: name, value: value)
        }
    }

    /// The first query value named `name`.
    public func query(_ name: String) -> String? {
        queryItems.first { $0.name == name }?.value
    }
}
