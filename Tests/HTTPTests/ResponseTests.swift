import Foundation
import Testing
@testable import HTTP

@Suite struct ResponseTests {
    @Test func problemJSONShape() throws {
        let problem = Problem.validation([.init(pointer: "/nip", code: "invalid_format", message: "NIP harus 18 digit \"angka\".")])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(problem.json.utf8)) as? [String: Any])
        #expect(object["type"] as? String == "https://kinerja.go.id/problems/validation-failed")
        #expect(object["title"] as? String == "Data tidak valid")
        #expect(object["status"] as? Int == 422)
        #expect(object["detail"] as? String == "Data yang dikirim tidak valid.")
        let errors = try #require(object["errors"] as? [[String: String]])
        #expect(errors == [["pointer": "/nip", "code": "invalid_format", "message": "NIP harus 18 digit \"angka\"."]])
        #expect(!Problem.notFound().json.contains("errors"))
    }

    @Test func problemExtensionMembersFollowTheDetail() throws {
        var problem = Problem.conflict("Sudah final.")
        problem.members = [.init(name: "code", json: "\"evaluation-final\""),
                           .init(name: "basis", json: "{\"regulation\":\"PP 30/2019\",\"article\":\"Pasal 59\"}")]
        let object = try #require(try JSONSerialization.jsonObject(with: Data(problem.json.utf8)) as? [String: Any])
        #expect(object["code"] as? String == "evaluation-final")
        #expect((object["basis"] as? [String: String]) == ["regulation": "PP 30/2019", "article": "Pasal 59"])
        #expect(problem.json.hasPrefix(#"{"type":"https://kinerja.go.id/problems/conflict","title":"Konflik","status":409,"detail":"Sudah final.","code""#))
    }

    @Test(arguments: HTTPParseError.allCases)
    func everyParseErrorHasAProblem(_ error: HTTPParseError) {
        let problem = Problem.parseError(error)
        #expect(problem.status == error.status)
        #expect(problem.type.hasPrefix(Problem.typePrefix))
        #expect(!problem.detail.isEmpty)
        #expect(problem.errors.first?.code == error.code)
    }

    @Test func encoderWritesOneWireMessage() {
        var response = Response.text("hi", status: .created)
        response.headers.add(name: "X-Evil", value: "a\r\nSet-Cookie: x")
        response.headers.add(name: "Content-Length", value: "99")
        response.headers.add(name: "Cache-Control", value: "no-store")
        let wire = String(decoding: ResponseEncoder.encode(response, requestID: "rid", date: "D", keepAlive: true,
                                                           http10: false, omitBody: false), as: UTF8.self)
        #expect(wire == "HTTP/1.1 201 Created\r\nContent-Type: text/plain; charset=utf-8\r\nCache-Control: no-store\r\nContent-Length: 2\r\nDate: D\r\nX-Request-Id: rid\r\n\r\nhi")
    }

    @Test func encoderHeadAndCloseAndNoContent() {
        let head = String(decoding: ResponseEncoder.encode(.text("body"), requestID: "r", date: "D", keepAlive: false,
                                                           http10: false, omitBody: true), as: UTF8.self)
        #expect(head.hasSuffix("Content-Length: 4\r\nDate: D\r\nX-Request-Id: r\r\nConnection: close\r\n\r\n"))
        let empty = String(decoding: ResponseEncoder.encode(.empty(), requestID: "r", date: "D", keepAlive: true,
                                                            http10: true, omitBody: false), as: UTF8.self)
        #expect(empty == "HTTP/1.1 204 No Content\r\nDate: D\r\nX-Request-Id: r\r\nConnection: keep-alive\r\n\r\n")
    }

    @Test(arguments: [
        (Problem.unauthorized(), 401, "unauthorized"), (Problem.forbidden(), 403, "forbidden"),
        (Problem.conflict("Sudah ada."), 409, "conflict"), (Problem.tooManyRequests(retryAfter: 60), 429, "too-many-requests"),
        (Problem.notFound(), 404, "not-found"), (Problem.methodNotAllowed(.get), 405, "method-not-allowed"),
        (Problem.requestTimeout, 408, "request-timeout"), (Problem.contentTooLarge(limit: 1), 413, "content-too-large"),
        (Problem.internalError, 500, "internal-error"), (Problem.serviceUnavailable(retryAfter: 1), 503, "service-unavailable"),
        (Problem.badRequest("x"), 400, "bad-request"), (Problem.invalidJSON("x"), 400, "invalid-json"),
    ])
    func problemHelpersHaveStableTypes(_ problem: Problem, status: Int, slug: String) {
        #expect(problem.status.code == status)
        #expect(problem.type == "https://kinerja.go.id/problems/" + slug)
        #expect(!problem.title.isEmpty && !problem.detail.isEmpty)
    }

    @Test func problemResponseCarriesRetryAfter() {
        let response = Response.problem(.serviceUnavailable(retryAfter: 30))
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers["Content-Type"] == "application/problem+json")
        #expect(response.headers["Retry-After"] == "30")
    }

    @Test func readinessFlips() {
        let readiness = Readiness()
        #expect(readiness.response().status == .ok)
        readiness.set(ready: false)
        let response = readiness.response(retryAfter: 3)
        #expect(response.status == .serviceUnavailable)
        #expect(response.headers["Retry-After"] == "3")
    }

    @Test func dateIsIMFFixdate() {
        #expect(HTTPDate.format(784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        var date = HTTPDate()
        #expect(date.now().hasSuffix(" GMT"))
    }

    @Test(arguments: [("abc", true), ("A.b_c-9", true), (String(repeating: "a", count: 64), true),
                      ("", false), (String(repeating: "a", count: 65), false), ("a b", false), ("é", false), ("a/b", false)])
    func requestIDFormat(_ id: String, wellFormed: Bool) {
        #expect(RequestIDGenerator.isWellFormed(id) == wellFormed)
        var generator = RequestIDGenerator()
        #expect((generator.resolve(id) == id) == wellFormed)
    }

    @Test func generatedRequestIDsAreHexAndDistinct() {
        var generator = RequestIDGenerator()
        let ids = (0..<1000).map { _ in generator.make() }
        #expect(Set(ids).count == 1000)
        #expect(ids.allSatisfy { $0.count == 32 && $0.allSatisfy(\.isHexDigit) })
    }
}

@Suite struct JSONBodyTests {
    struct Person: Codable, Equatable {
        var name: String
        var age: Int
        var tags: [String]
    }

    func decodingProblem(_ json: String) -> Problem? {
        do {
            _ = try Request(method: .post, path: "/", body: Array(json.utf8)).decode(Person.self)
            return nil
        } catch {
            return error
        }
    }

    @Test func decodesValidBody() throws {
        let request = Request(method: .post, path: "/", body: Array(#"{"name":"Siti","age":40,"tags":[]}"#.utf8))
        #expect(try request.decode(Person.self) == Person(name: "Siti", age: 40, tags: []))
    }

    @Test(arguments: [
        ("", 400, "https://kinerja.go.id/problems/invalid-json", nil, nil),
        ("{", 400, "https://kinerja.go.id/problems/invalid-json", nil, nil),
        (#"{"age":1,"tags":[]}"#, 422, "https://kinerja.go.id/problems/validation-failed", "/name", "required"),
        (#"{"name":null,"age":1,"tags":[]}"#, 422, "https://kinerja.go.id/problems/validation-failed", "/name", "required"),
        (#"{"name":"a","age":"x","tags":[]}"#, 422, "https://kinerja.go.id/problems/validation-failed", "/age", "invalid_type"),
        (#"{"name":"a","age":1,"tags":["ok",5]}"#, 422, "https://kinerja.go.id/problems/validation-failed", "/tags/1", "invalid_type"),
    ] as [(String, Int, String, String?, String?)])
    func badBodiesBecomeProblems(_ json: String, status: Int, type: String, pointer: String?, code: String?) throws {
        let problem = try #require(decodingProblem(json))
        #expect(problem.status.code == status)
        #expect(problem.type == type)
        #expect(problem.errors.first?.pointer == pointer)
        #expect(problem.errors.first?.code == code)
    }

    @Test func encodesJSONResponse() throws {
        let response = try Response.json(Person(name: "A/B", age: 1, tags: ["x"]), status: .created)
        #expect(response.status == .created)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"age":1,"name":"A/B","tags":["x"]}"#)
    }
}

@Suite struct MetricsTests {
    @Test func rendersPrometheusText() {
        let metrics = HTTPMetrics()
        metrics.record(method: "GET", route: "/healthz", status: 200, seconds: 0.003)
        metrics.record(method: "GET", route: "/healthz", status: 200, seconds: 0.2)
        metrics.record(method: "GET", route: "/healthz", status: 503, seconds: 20)
        metrics.record(method: "POST", route: "/v1/\"x\"", status: 201, seconds: 0.01)
        metrics.connectionsChanged(by: 3)
        metrics.connectionsChanged(by: -1)
        let text = metrics.render()
        #expect(text.contains("# TYPE http_requests_total counter\n"))
        #expect(text.contains("http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"} 2\n"))
        #expect(text.contains("http_requests_total{method=\"GET\",route=\"/healthz\",status=\"503\"} 1\n"))
        #expect(text.contains("http_requests_total{method=\"POST\",route=\"/v1/\\\"x\\\"\",status=\"201\"} 1\n"))
        #expect(text.contains("# TYPE http_request_duration_seconds histogram\n"))
        #expect(text.contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"0.005\"} 1\n"))
        #expect(text.contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"0.25\"} 2\n"))
        #expect(text.contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"10.0\"} 2\n"))
        #expect(text.contains("http_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"+Inf\"} 3\n"))
        #expect(text.contains("http_request_duration_seconds_count{method=\"GET\",route=\"/healthz\"} 3\n"))
        #expect(text.contains("http_open_connections 2\n"))
        #expect(metrics.count(method: "GET", route: "/healthz", status: 200) == 2)
    }
}

@Suite struct TimerWheelTests {
    @Test func firesEachEntryOnceAtItsTick() {
        var wheel = TimerWheel(tickNanos: 10, slotCount: 8, now: 0)
        let near = wheel.schedule(fd: 1, generation: 1, deadline: 25)
        let far = wheel.schedule(fd: 2, generation: 1, deadline: 1_000)
        #expect(near == 3)
        #expect(far == 7)  // clamped to the wheel's span; the owner re-files it
        var fired: [Int32] = []
        wheel.advance(to: 20) { fired.append($0.fd) }
        #expect(fired.isEmpty)
        wheel.advance(to: 35) { fired.append($0.fd) }
        #expect(fired == [1])
        wheel.advance(to: 10_000) { fired.append($0.fd) }
        #expect(fired == [1, 2])
        #expect(wheel.count == 0)
    }
}
