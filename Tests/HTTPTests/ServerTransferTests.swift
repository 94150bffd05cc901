import Foundation
import Glibc
import Testing
@testable import HTTP

extension ServerTests {
    /// Bodies larger than a socket buffer, in both directions, and half-closed clients.
    @Suite struct Transfers {
        static let bigSize = 8 * 1024 * 1024

        static func routes(_ router: Router) {
            router.get("/big") { _ in .bytes([UInt8](repeating: 0x42, count: Self.bigSize), contentType: "application/octet-stream") }
            router.post("/echo", bodyLimit: 4 * 1024 * 1024) { request in .bytes(request.body, contentType: "application/octet-stream") }
            router.get("/healthz") { _ in .text("ok") }
        }

        @Test func responseLargerThanTheSocketBufferArrivesWhole() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.body.count == Self.bigSize)
                #expect(reply.body.allSatisfy { $0 == 0x42 })
                #expect(try client.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").text == "ok")
            }
        }

        @Test func largeRequestBodyInManyReads() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let body = (0..<(3 * 1024 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
                try client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: \(body.count)\r\n\r\n")
                try client.send(body)
                let reply = try client.readResponse()
                #expect(reply.status == 200)
                #expect(reply.body == body)
            }
        }

        @Test func clientThatStopsReadingIsDroppedAfterTheWriteTimeout() throws {
            try withServer({ $0.writeTimeout = .milliseconds(300) }, routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("GET /big HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(try client.readSome() > 0)
                #expect(socketCount(localPort: server.boundPort) == 2)
                // Stop reading: the server's writes stall, and it gives up on the connection.
                #expect(eventually { socketCount(localPort: server.boundPort) == 1 })
                withExtendedLifetime(client) {}
            }
        }

        @Test func requestFollowedByHalfCloseIsStillAnswered() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n")
                client.finishSending()
                let reply = try client.readResponse()
                #expect(reply.text == "ok")
                #expect(client.isClosedByServer())
            }
        }

        @Test func headOnAReactorRouteHasNoBody() throws {
            try withServer(routes: { $0.get("/fast", onReactor: true) { _ in .text("fast") } }) { server in
                let client = try TestClient(port: server.boundPort)
                let head = try client.roundTrip("HEAD /fast HTTP/1.1\r\nHost: t\r\n\r\n", head: true)
                #expect(head.header("Content-Length") == "4")
                #expect(try client.roundTrip("GET /fast HTTP/1.1\r\nHost: t\r\n\r\n").text == "fast")
            }
        }
    }
}
