import Foundation
import Glibc
import Testing
@testable import HTTP

extension ServerTests {
    @Suite struct Limits {
        static func routes(_ router: Router) {
            router.post("/small", bodyLimit: 16) { request in .text("got \(request.body.count)") }
            router.post("/large") { request in .text("got \(request.body.count)") }
            router.get("/healthz") { _ in .text("ok") }
        }

        static func configure(_ configuration: inout HTTPServer.Configuration) {
            configuration.maxRequestLineLength = 256
            configuration.maxHeaderBytes = 1024
            configuration.maxHeaderCount = 10
            configuration.defaultBodyLimit = 64
        }

        @Test func bodyLimitIsPerRoute() throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let body = String(repeating: "x", count: 17)
                let large = try TestClient(port: server.boundPort)
                let accepted = try large.roundTrip("POST /large HTTP/1.1\r\nHost: t\r\nContent-Length: 17\r\n\r\n\(body)")
                #expect(accepted.text == "got 17")

                let small = try TestClient(port: server.boundPort)
                let rejected = try small.roundTrip("POST /small HTTP/1.1\r\nHost: t\r\nContent-Length: 17\r\n\r\n\(body)")
                #expect(rejected.status == 413)
                #expect(rejected.header("Connection") == "close")
                let problem = try rejected.json()
                #expect(problem["type"] as? String == "https://kinerja.go.id/problems/content-too-large")
                #expect(problem["detail"] as? String == "Isi permintaan melebihi batas 16 bita.")
                #expect(small.isClosedByServer())
            }
        }

        @Test func chunkedBodyOverTheRouteLimitIs413() throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("POST /small HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n10\r\n0123456789abcdef\r\n1\r\nx\r\n0\r\n\r\n")
                #expect(reply.status == 413)
            }
        }

        @Test func expectContinueWithTooLargeBodyIs413WithoutReadingIt() throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("POST /small HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 1000\r\n\r\n")
                #expect(reply.status == 413)
                #expect(client.isClosedByServer())
            }
        }

        @Test func expectContinueWithFittingBodyGets100First() throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let interim = try client.roundTrip("POST /small HTTP/1.1\r\nHost: t\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n")
                #expect(interim.status == 100)
                let reply = try client.roundTrip("hello")
                #expect(reply.status == 200)
                #expect(reply.text == "got 5")
            }
        }

        @Test func longRequestLineIs414() throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /\(String(repeating: "a", count: 300)) HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.status == 414)
                #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/uri-too-long")
                #expect(client.isClosedByServer())
            }
        }

        @Test(arguments: [
            "X-Big: \(String(repeating: "b", count: 2000))\r\n",
            String(repeating: "X-Many: 1\r\n", count: 11),
        ])
        func largeHeaderSectionIs431(_ headers: String) throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\(headers)\r\n")
                #expect(reply.status == 431)
                #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/header-fields-too-large")
            }
        }

        @Test(arguments: [
            ("GET /healthz HTTP/2.0\r\nHost: t\r\n\r\n", 505),
            ("GET /healthz HTTP/1.1\r\nHost : t\r\n\r\n", 400),
            ("GET /healthz HTTP/1.1\r\n\r\n", 400),
            ("POST /large HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n", 400),
            ("GET /healthz HTTP/1.1\r\nHost: t\r\nX: a\r\n b\r\n\r\n", 400),
        ])
        func malformedRequestGetsProblemAndClose(_ raw: String, status: Int) throws {
            try withServer(Self.configure, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip(raw)
                #expect(reply.status == status)
                #expect(reply.header("Content-Type") == "application/problem+json")
                #expect(reply.header("X-Request-Id") != nil)
                let problem = try reply.json()
                #expect(problem["status"] as? Int == status)
                #expect((problem["type"] as? String)?.hasPrefix("https://kinerja.go.id/problems/") == true)
                #expect((problem["errors"] as? [[String: Any]])?.first?["code"] is String)
                #expect(client.isClosedByServer())
            }
        }

        @Test func connectionsBeyondTheCapAreClosed() throws {
            try withServer({ $0.maxConnections = 2 }, routes: Self.routes) { server in
                let first = try TestClient(port: server.boundPort)
                let second = try TestClient(port: server.boundPort)
                #expect(try first.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
                #expect(try second.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
                let third = try TestClient(port: server.boundPort)
                #expect(third.isClosedByServer())
                #expect(try first.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
            }
        }
    }

    @Suite struct Timeouts {
        static func routes(_ router: Router) {
            router.get("/healthz") { _ in .text("ok") }
            router.post("/upload") { request in .text("got \(request.body.count)") }
        }

        @Test func headerTimeoutCountsFromTheFirstByte() throws {
            try withServer({ $0.headerTimeout = .milliseconds(400) }, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("GET /healthz HTTP/1.1\r\n")
                // One line every 100 ms: each line is progress, but the head never completes.
                for index in 0..<10 {
                    usleep(100_000)
                    do { try client.send("X-Line-\(index): 1\r\n") } catch { break }
                }
                let reply = try client.readResponse()
                #expect(reply.status == 408)
                #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/request-timeout")
                #expect(client.isClosedByServer())
            }
        }

        @Test func idleBodyTimeoutIs408() throws {
            try withServer({ $0.bodyTimeout = .milliseconds(300) }, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc")
                let reply = try client.readResponse()
                #expect(reply.status == 408)
                #expect(client.isClosedByServer())
            }
        }

        @Test func idleKeepAliveConnectionIsClosedSilently() throws {
            try withServer({ $0.keepAliveTimeout = .milliseconds(300) }, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                #expect(try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
                #expect(client.isClosedByServer())
                #expect(client.unreadCount == 0)
            }
        }

        @Test func slowButSteadyBodyIsNotCutOff() throws {
            try withServer({ $0.bodyTimeout = .seconds(1) }, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 5\r\n\r\n")
                for byte in "abcde" {
                    usleep(150_000)
                    try client.send(String(byte))
                }
                let reply = try client.readResponse()
                #expect(reply.text == "got 5")
            }
        }
    }
}
