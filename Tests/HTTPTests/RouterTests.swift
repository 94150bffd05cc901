import Testing
@testable import HTTP

@Suite struct RouterTests {
    static func table() -> RouteTable {
        let router = Router()
        router.get("/") { _ in .text("root") }
        router.get("/healthz") { _ in .text("ok") }
        router.get("/v1/tenants/:id/units") { _ in .text("units") }
        router.post("/v1/tenants/:id/units", bodyLimit: 64 * 1024) { _ in .text("create") }
        router.get("/v1/tenants/me") { _ in .text("me") }
        router.delete("/v1/tenants/:tenant") { _ in .text("delete") }
        router.put("/v1/items/:id") { _ in .text("put") }
        router.patch("/v1/items/:id") { _ in .text("patch") }
        return RouteTable(router.routes)
    }

    struct Lookup: Sendable, CustomTestStringConvertible {
        let method: HTTPMethod
        let path: String
        let pattern: String?
        let parameters: [String: String]
        var testDescription: String { "\(method) \(path)" }
    }

    @Test(arguments: [
        Lookup(method: .get, path: "/", pattern: "/", parameters: [:]),
        Lookup(method: .get, path: "/healthz", pattern: "/healthz", parameters: [:]),
        Lookup(method: .head, path: "/healthz", pattern: "/healthz", parameters: [:]),
        Lookup(method: .get, path: "/v1/tenants/42/units", pattern: "/v1/tenants/:id/units", parameters: ["id": "42"]),
        Lookup(method: .post, path: "/v1/tenants/a%2Fb/units", pattern: "/v1/tenants/:id/units", parameters: ["id": "a/b"]),
        Lookup(method: .get, path: "/v1/tenants/me", pattern: "/v1/tenants/me", parameters: [:]),
        Lookup(method: .delete, path: "/v1/tenants/me", pattern: "/v1/tenants/:tenant", parameters: ["tenant": "me"]),
        Lookup(method: .patch, path: "/v1/items/x", pattern: "/v1/items/:id", parameters: ["id": "x"]),
    ])
    func findsTheRoute(_ lookup: Lookup) throws {
        guard case .found(let route, let parameters) = Self.table().match(lookup.method, path: lookup.path[...]) else {
            Issue.record("no route for \(lookup.method) \(lookup.path)")
            return
        }
        #expect(route.pattern == lookup.pattern)
        #expect(parameters == lookup.parameters)
    }

    @Test(arguments: ["/nope", "/healthz/", "/v1/tenant", "/v1/tenants//units", "/v1/tenants/42/units/9"])
    func unknownPathIsNotFound(_ path: String) {
        guard case .notFound = Self.table().match(.get, path: path[...]) else {
            Issue.record("expected not found for \(path)")
            return
        }
    }

    @Test(arguments: [
        (HTTPMethod.delete, "/healthz", ["GET", "HEAD"]),
        (HTTPMethod.put, "/v1/tenants/1/units", ["GET", "HEAD", "POST"]),
        (HTTPMethod.post, "/v1/items/1", ["PATCH", "PUT"]),
        (HTTPMethod("BREW"), "/v1/tenants/me", ["DELETE", "GET", "HEAD"]),
    ])
    func wrongMethodListsAllowed(_ method: HTTPMethod, path: String, allow: [String]) {
        guard case .methodNotAllowed(let allowed) = Self.table().match(method, path: path[...]) else {
            Issue.record("expected 405 for \(method) \(path)")
            return
        }
        #expect(allowed.map(\.rawValue) == allow)
    }

    @Test func malformedEscapeInParameterIsBadPath() {
        guard case .badPath = Self.table().match(.get, path: "/v1/tenants/%zz/units") else {
            Issue.record("expected a bad path")
            return
        }
    }

    @Test func bodyLimitIsKeptPerRoute() throws {
        guard case .found(let route, _) = Self.table().match(.post, path: "/v1/tenants/1/units") else {
            Issue.record("no route")
            return
        }
        #expect(route.bodyLimit == 64 * 1024)
    }

    @Test func registeredRoutesAreListed() {
        let router = Router()
        router.get("/a") { _ in .text("") }
        router.post("/b/:id") { _ in .text("") }
        #expect(router.registeredRoutes.map { "\($0.method) \($0.pattern)" } == ["GET /a", "POST /b/:id"])
    }

    @Test func queryItemsArePercentDecoded() {
        let request = Request(method: .get, path: "/x", rawQuery: "a=1&b=hello%20world&c=x+y&empty&a=2&bad=%zz")
        #expect(request.queryItems == [
            .init(name: "a", value: "1"), .init(name: "b", value: "hello world"), .init(name: "c", value: "x y"),
            .init(name: "empty", value: ""), .init(name: "a", value: "2"), .init(name: "bad", value: "%zz"),
        ])
        #expect(request.query("a") == "1")
        #expect(request.query("missing") == nil)
    }

    @Test func headersAreCaseInsensitive() {
        var headers: HTTPHeaders = ["Content-Type": "text/plain", "X-A": "1"]
        headers.add(name: "x-a", value: "2")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers.values(for: "X-A") == ["1", "2"])
        headers.replaceOrAdd(name: "X-a", value: "3")
        #expect(headers.values(for: "x-A") == ["3"])
        headers.remove(name: "CONTENT-TYPE")
        #expect(!headers.contains("Content-Type"))
    }
}
