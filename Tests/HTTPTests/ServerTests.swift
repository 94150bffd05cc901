import Foundation
import Glibc
import Testing
@testable import HTTP

/// Tests over real sockets on 127.0.0.1. Serialized: the descriptor and thread counts some of
/// them take must not see other servers come and go.
@Suite(.serialized) struct ServerTests {}

struct Item: Codable, Equatable {
    var id: String
    var count: Int
}

struct Boom: Error, CustomStringConvertible {
    var description: String { "secret internal detail" }
}

extension ServerTests {
    @Suite struct Exchanges {
        static func routes(_ router: Router) {
            router.get("/healthz", onReactor: true) { _ in .text("ok") }
            router.get("/v1/items/:id") { request in
                try .json(Item(id: request.parameter("id") ?? "", count: Int(request.query("count") ?? "0") ?? 0))
            }
            router.post("/echo") { request in .bytes(request.body, contentType: "application/octet-stream") }
            router.get("/slow") { _ in
                usleep(100_000)
                return .text("slow")
            }
            router.get("/fast") { _ in .text("fast") }
            router.get("/problem") { _ in throw Problem.notFound("Unit tidak ditemukan.") }
            router.get("/boom") { _ in throw Boom() }
            router.get("/busy") { _ in throw Problem.serviceUnavailable(retryAfter: 5) }
            router.post("/items") { request in
                let item = try request.decode(Item.self)
                return try .json(item, status: .created)
            }
        }

        @Test func keepAliveServesTwoRequestsOnOneConnection() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let first = try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
                let second = try client.roundTrip("GET /v1/items/a%20b?count=3 HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(first.status == 200)
                #expect(first.text == "ok")
                #expect(first.header("Connection") == nil)
                #expect(second.status == 200)
                #expect(second.header("Content-Type") == "application/json")
                #expect(try JSONDecoder().decode(Item.self, from: Data(second.body)) == Item(id: "a b", count: 3))
            }
        }

        @Test func pipelinedResponsesComeInOrder() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\nGET /fast HTTP/1.1\r\nHost: t\r\n\r\nGET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
                let bodies = try (0..<3).map { _ in try client.readResponse().text }
                #expect(bodies == ["slow", "fast", "ok"])
            }
        }

        @Test func headHasTheHeadersOfGetWithoutBody() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let head = try client.roundTrip("HEAD /v1/items/x HTTP/1.1\r\nHost: t\r\n\r\n", head: true)
                let get = try client.roundTrip("GET /v1/items/x HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(head.status == 200)
                #expect(head.body.isEmpty)
                #expect(head.header("Content-Length") == String(get.body.count))
                #expect(head.header("Content-Type") == get.header("Content-Type"))
                // The connection is still in sync: no stray body bytes were sent for the HEAD.
                #expect(try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").text == "ok")
            }
        }

        @Test func chunkedRequestBody() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip(
                    "POST /echo HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n4;ext=1\r\nabcd\r\n3\r\nefg\r\n0\r\nTrailer: x\r\n\r\n")
                #expect(reply.status == 200)
                #expect(reply.text == "abcdefg")
            }
        }

        @Test func unknownPathIsProblem404() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /nope HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.status == 404)
                #expect(reply.header("Content-Type") == "application/problem+json")
                let problem = try reply.json()
                #expect(problem["type"] as? String == "https://kinerja.go.id/problems/not-found")
                #expect(problem["title"] as? String == "Tidak ditemukan")
                #expect(problem["status"] as? Int == 404)
                #expect(problem["detail"] as? String == "Alamat tidak ditemukan.")
                #expect(reply.header("X-Request-Id") != nil)
            }
        }

        @Test func wrongMethodIs405WithAllow() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("DELETE /v1/items/1 HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.status == 405)
                #expect(reply.header("Allow") == "GET, HEAD")
                #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/method-not-allowed")
                let post = try client.roundTrip("GET /echo HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(post.header("Allow") == "POST")
            }
        }

        @Test func wellFormedRequestIDIsEchoedOthersReplaced() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let echoed = try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Request-Id: abc.DEF_1-2\r\n\r\n")
                #expect(echoed.header("X-Request-Id") == "abc.DEF_1-2")
                let replaced = try client.roundTrip("GET /nope HTTP/1.1\r\nHost: t\r\nX-Request-Id: bad id!\r\n\r\n")
                let generated = try #require(replaced.header("X-Request-Id"))
                #expect(generated.count == 32)
                #expect(generated.allSatisfy { $0.isHexDigit })
                let tooLong = try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\nX-Request-Id: \(String(repeating: "a", count: 65))\r\n\r\n")
                #expect(tooLong.header("X-Request-Id")?.count == 32)
                let other = try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(other.header("X-Request-Id") != generated)
            }
        }

        @Test func thrownProblemKeepsItsStatus() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /problem HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.status == 404)
                #expect(try reply.json()["detail"] as? String == "Unit tidak ditemukan.")
                let busy = try client.roundTrip("GET /busy HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(busy.status == 503)
                #expect(busy.header("Retry-After") == "5")
                #expect(try busy.json()["type"] as? String == "https://kinerja.go.id/problems/service-unavailable")
            }
        }

        @Test func otherErrorsBecome500WithoutInternalTextAndAreLogged() throws {
            let capture = LogCapture()
            try withServer(logger: capture.logger, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /boom HTTP/1.1\r\nHost: t\r\nX-Request-Id: req-500\r\n\r\n")
                #expect(reply.status == 500)
                #expect(!reply.text.contains("secret"))
                #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/internal-error")
                #expect(reply.header("X-Request-Id") == "req-500")
            }
            let failure = try #require(capture.objects.first { $0["message"] as? String == "handler failed" })
            #expect(failure["request.id"] as? String == "req-500")
            #expect(failure["error"] as? String == "secret internal detail")
        }

        @Test func accessLogLineAndMetrics() throws {
            let capture = LogCapture()
            let metrics = HTTPMetrics()
            try withServer(logger: capture.logger, metrics: metrics, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                _ = try client.roundTrip("GET /v1/items/42?token=secret HTTP/1.1\r\nHost: t\r\nX-Request-Id: log-1\r\n\r\n")
                _ = try client.roundTrip("GET /nope HTTP/1.1\r\nHost: t\r\n\r\n")
                _ = try client.roundTrip("X-RANDOM-123 /nope HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(metrics.openConnections == 1)
            }
            let line = try #require(capture.objects.first { $0["request.id"] as? String == "log-1" })
            #expect(line["message"] as? String == "request")
            #expect(line["method"] as? String == "GET")
            #expect(line["route"] as? String == "/v1/items/:id")
            #expect(line["path"] as? String == "/v1/items/42")
            #expect(line["status"] as? Int == 200)
            #expect(line["duration_ms"] is Double)
            #expect((line["bytes"] as? Int ?? 0) > 0)
            #expect(!capture.lines.joined().contains("secret"))
            #expect(metrics.count(method: "GET", route: "/v1/items/:id", status: 200) == 1)
            #expect(metrics.count(method: "GET", route: "unmatched", status: 404) == 1)
            #expect(metrics.count(method: "OTHER", route: "unmatched", status: 404) == 1)
            #expect(metrics.render().contains("http_request_duration_seconds_count{method=\"GET\",route=\"/v1/items/:id\"} 1"))
            #expect(metrics.openConnections == 0)
        }

        @Test func jsonBodyDecodingProblems() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                func post(_ json: String) throws -> TestClient.Reply {
                    try client.roundTrip("POST /items HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: \(json.utf8.count)\r\n\r\n\(json)")
                }
                let created = try post(#"{"id":"a","count":2}"#)
                #expect(created.status == 201)
                let malformed = try post(#"{"id":"#)
                #expect(malformed.status == 400)
                #expect(try malformed.json()["type"] as? String == "https://kinerja.go.id/problems/invalid-json")
                let missing = try post(#"{"id":"a"}"#)
                #expect(missing.status == 422)
                let errors = try #require(try missing.json()["errors"] as? [[String: Any]])
                #expect(errors.first?["pointer"] as? String == "/count")
                #expect(errors.first?["code"] as? String == "required")
                let wrongType = try post(#"{"id":"a","count":"x"}"#)
                #expect(wrongType.status == 422)
                let typeErrors = try #require(try wrongType.json()["errors"] as? [[String: Any]])
                #expect(typeErrors.first?["code"] as? String == "invalid_type")
            }
        }

        @Test func http10AndConnectionCloseAreHonoured() throws {
            try withServer(routes: Self.routes) { server in
                let old = try TestClient(port: server.boundPort)
                let reply = try old.roundTrip("GET /healthz HTTP/1.0\r\n\r\n")
                #expect(reply.status == 200)
                #expect(reply.header("Connection") == "close")
                #expect(old.isClosedByServer())

                let kept = try TestClient(port: server.boundPort)
                let first = try kept.roundTrip("GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")
                #expect(first.header("Connection") == "keep-alive")
                #expect(try kept.roundTrip("GET /healthz HTTP/1.0\r\n\r\n").status == 200)
                #expect(kept.isClosedByServer())

                let closing = try TestClient(port: server.boundPort)
                let last = try closing.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n")
                #expect(last.header("Connection") == "close")
                #expect(closing.isClosedByServer())
            }
        }
    }
}
