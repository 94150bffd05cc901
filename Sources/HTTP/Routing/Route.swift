/// One registered route.
struct Route: Sendable {
    enum Segment: Sendable, Equatable {
        case literal(String)
        case parameter(String)
    }

    let method: HTTPMethod
    let pattern: String
    let segments: [Segment]
    let bodyLimit: Int?
    let runsOnReactor: Bool
    let handler: Router.Handler

    init(method: HTTPMethod, pattern: String, bodyLimit: Int?, runsOnReactor: Bool, handler: @escaping Router.Handler) {
        self.method = method
        self.pattern = pattern
        self.segments = Route.segments(of: pattern)
        self.bodyLimit = bodyLimit
        self.runsOnReactor = runsOnReactor
        self.handler = handler
    }

    /// `/a/:b` → [literal a, parameter b]; `/` → [].
    static func segments(of pattern: String) -> [Segment] {
        pathSegments(pattern[...]).map { segment in
            segment.first == ":" ? .parameter(String(segment.dropFirst())) : .literal(String(segment))
        }
    }

    /// The segments of a path that starts with `/`; `/` alone has none.
    static func pathSegments(_ path: Substring) -> [Substring] {
        var trimmed = path
        if trimmed.first == "/" { trimmed = trimmed.dropFirst() }
        if trimmed.isEmpty { return [] }
        return trimmed.split(separator: "/", omittingEmptySubsequences: false)
    }
}
