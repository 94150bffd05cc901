/// Where routes are registered before the server starts. Patterns are paths whose `:name`
/// segments capture one segment each: `/v1/tenants/:id/units`. HEAD is answered by the GET
/// handler (without the body) unless a HEAD route exists.
///
/// Register everything first, then hand the router to `HTTPServer`, which takes a snapshot.
public final class Router {
    /// A synchronous handler; it runs on a handler thread and may block (e.g. on PostgreSQL).
    public typealias Handler = @Sendable (Request) throws -> Response

    private(set) var routes: [Route] = []

    /// Creates a value from its parts.
    public init() {}

    /// Registers `handler` for `method` and `pattern`.
    /// - Parameters:
    ///   - bodyLimit: the largest body accepted, in bytes; nil for the server's default.
    ///   - onReactor: run on the event-loop thread instead of a handler thread. Only for handlers
    ///     that never block and finish in microseconds (health checks); it saves two thread
    ///     hand-offs per request.
    public func add(_ method: HTTPMethod, _ pattern: String, bodyLimit: Int? = nil, onReactor: Bool = false,
                    _ handler: @escaping Handler) {
        let route = Route(method: method, pattern: pattern, bodyLimit: bodyLimit, runsOnReactor: onReactor, handler: handler)
        precondition(!routes.contains { $0.method == method && $0.segments == route.segments },
                     "route \(method) \(pattern) registered twice")
        routes.append(route)
    }

    /// Registers a GET route (HEAD follows it).
    public func get(_ pattern: String, bodyLimit: Int? = nil, onReactor: Bool = false, _ handler: @escaping Handler) {
        add(.get, pattern, bodyLimit: bodyLimit, onReactor: onReactor, handler)
    }

    /// Registers a POST route.
    public func post(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.post, pattern, bodyLimit: bodyLimit, handler)
    }

    /// Registers a PUT route.
    public func put(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.put, pattern, bodyLimit: bodyLimit, handler)
    }

    /// Registers a PATCH route.
    public func patch(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.patch, pattern, bodyLimit: bodyLimit, handler)
    }

    /// Registers a DELETE route.
    public func delete(_ pattern: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        add(.delete, pattern, bodyLimit: bodyLimit, handler)
    }

    /// Every registered (method, pattern), e.g. to check an OpenAPI document covers them all.
    public var registeredRoutes: [(method: HTTPMethod, pattern: String)] {
        routes.map { ($0.method, $0.pattern) }
    }
}
