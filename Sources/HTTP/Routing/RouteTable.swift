/// An immutable segment tree of routes, built once from a `Router` and shared by all threads.
struct RouteTable: Sendable {
    /// The outcome of looking up a method and path.
    enum Match {
        case found(Route, parameters: [String: String])
        /// The path exists with other methods; `allow` is for the `Allow` header.
        case methodNotAllowed(allow: [HTTPMethod])
        case notFound
        /// A path parameter has a malformed percent-escape.
        case badPath
    }

    private struct Node: Sendable {
        var literals: [String: Int] = [:]
        var parameter: (name: String, node: Int)?
        var routes: [HTTPMethod: Route] = [:]
    }

    private var nodes = [Node()]
    /// Patterns without parameters, by path, for a lookup without splitting the path.
    private var staticPaths: [String: Int] = [:]

    init(_ routes: [Route]) {
        for route in routes {
            var index = 0
            for segment in route.segments {
                switch segment {
                case .literal(let text):
                    if let next = nodes[index].literals[text] {
                        index = next
                    } else {
                        nodes.append(Node())
                        nodes[index].literals[text] = nodes.count - 1
                        index = nodes.count - 1
                    }
                case .parameter(let name):
                    if let existing = nodes[index].parameter {
                        // Two patterns may name the same position differently; the first name wins
                        // for the tree, and each route keeps its own name below.
                        index = existing.node
                    } else {
                        nodes.append(Node())
                        nodes[index].parameter = (name, nodes.count - 1)
                        index = nodes.count - 1
                    }
                }
            }
            nodes[index].routes[route.method] = route
            if !route.segments.contains(where: { if case .parameter = $0 { true } else { false } }) {
                staticPaths["/" + route.segments.map { if case .literal(let text) = $0 { text } else { "" } }.joined(separator: "/")] = index
            }
        }
    }

    /// Finds the route for `method` and `path` (the path without query, still percent-encoded).
    func match(_ method: HTTPMethod, path: Substring) -> Match {
        let lookup: HTTPMethod = method == .head ? .get : method
        // Literal branches win over parameters, so a static route with the method is the answer.
        if let index = staticPaths[String(path)], let route = nodes[index].routes[method] ?? nodes[index].routes[lookup] {
            return .found(route, parameters: [:])
        }
        let segments = Route.pathSegments(path)
        var terminals: [Int] = []
        collect(node: 0, segments: segments[...], into: &terminals)
        for index in terminals {
            let routes = nodes[index].routes
            guard let route = routes[method] ?? routes[lookup] else { continue }
            var parameters: [String: String] = [:]
            for (position, segment) in route.segments.enumerated() {
                guard case .parameter(let name) = segment else { continue }
                guard let value = PercentDecoding.decode(segments[position]) else { return .badPath }
                parameters[name] = value
            }
            return .found(route, parameters: parameters)
        }
        var allow = Set<HTTPMethod>()
        for index in terminals { allow.formUnion(nodes[index].routes.keys) }
        if allow.isEmpty { return .notFound }
        if allow.contains(.get) { allow.insert(.head) }
        return .methodNotAllowed(allow: allow.sorted())
    }

    /// Every node that `segments` leads to and that has routes; literal branches before parameters.
    private func collect(node: Int, segments: ArraySlice<Substring>, into terminals: inout [Int]) {
        guard let segment = segments.first else {
            if !nodes[node].routes.isEmpty { terminals.append(node) }
            return
        }
        let rest = segments.dropFirst()
        if let next = nodes[node].literals[String(segment)] {
            collect(node: next, segments: rest, into: &terminals)
        }
        if let parameter = nodes[node].parameter, !segment.isEmpty {
            collect(node: parameter.node, segments: rest, into: &terminals)
        }
    }
}
