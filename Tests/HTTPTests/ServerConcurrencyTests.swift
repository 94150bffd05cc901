import Dispatch
import Foundation
import Glibc
import Synchronization
import Testing
@testable import HTTP

extension ServerTests {
    /// Many requests at once: every response reaches the request it answers.
    @Suite struct Concurrency {
        static func routes(_ router: Router) {
            router.get("/echo/:n") { request in .text(request.parameter("n") ?? "") }
            router.get("/inline/:n", onReactor: true) { request in .text(request.parameter("n") ?? "") }
        }

        @Test func hundredPipelinedRequestsAnswerInOrder() throws {
            try withServer(routes: Self.routes) { server in
                let client = try TestClient(port: server.boundPort)
                let batch = (0..<100).map { n in
                    "GET /\(n % 3 == 0 ? "inline" : "echo")/\(n) HTTP/1.1\r\nHost: t\r\nX-Request-Id: r\(n)\r\n\r\n"
                }.joined()
                try client.send(batch)
                for n in 0..<100 {
                    let reply = try client.readResponse()
                    #expect(reply.text == String(n))
                    #expect(reply.header("X-Request-Id") == "r\(n)")
                }
            }
        }

        /// A request alone on its connection is answered by its handler thread directly
        /// (`ResponseSlot`); requests pipelined behind it while it runs must still follow it.
        @Test func requestsPipelinedWhileAHandlerRunsAreAnsweredAfterIt() throws {
            let started = DispatchSemaphore(value: 0)
            let proceed = DispatchSemaphore(value: 0)
            let routes = { (router: Router) in
                Self.routes(router)
                router.get("/gate") { _ in
                    started.signal()
                    proceed.wait()
                    return .text("gate")
                }
            }
            try withServer(routes: routes) { server in
                let client = try TestClient(port: server.boundPort)
                try client.send("GET /gate HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(started.wait(timeout: .now() + 5) == .success)
                try client.send((1...3).map { "GET /\($0 == 2 ? "inline" : "echo")/\($0) HTTP/1.1\r\nHost: t\r\n\r\n" }.joined())
                usleep(50_000)  // lets the reactor see the pipelined bytes first (either order must work)
                proceed.signal()
                #expect(try (0..<4).map { _ in try client.readResponse().text } == ["gate", "1", "2", "3"])
                // Alone again: direct and reactor-written responses alternate on one connection.
                for n in 0..<20 {
                    #expect(try client.roundTrip("GET /echo/a\(n) HTTP/1.1\r\nHost: t\r\n\r\n").text == "a\(n)")
                    try client.send("GET /echo/b\(n) HTTP/1.1\r\nHost: t\r\n\r\nGET /inline/c\(n) HTTP/1.1\r\nHost: t\r\n\r\n")
                    #expect(try client.readResponse().text == "b\(n)")
                    #expect(try client.readResponse().text == "c\(n)")
                }
                #expect(server.metrics.count(method: "GET", route: "/echo/:n", status: 200) == 42)
                #expect(server.metrics.openConnections == 1)
                client.finishSending()
                #expect(client.isClosedByServer())
                #expect(eventually { server.metrics.openConnections == 0 })
            }
        }

        @Test func parallelClientsEachGetTheirOwnResponses() throws {
            try withServer({ $0.handlerThreads = 4 }, routes: Self.routes) { server in
                let mismatches = Atomic<Int>(0)
                let failures = Atomic<Int>(0)
                DispatchQueue.concurrentPerform(iterations: 16) { worker in
                    do {
                        let client = try TestClient(port: server.boundPort)
                        for n in 0..<50 {
                            let id = "w\(worker)-\(n)"
                            let reply = try client.roundTrip("GET /echo/\(id) HTTP/1.1\r\nHost: t\r\nX-Request-Id: \(id)\r\n\r\n")
                            if reply.text != id || reply.header("X-Request-Id") != id {
                                mismatches.add(1, ordering: .relaxed)
                            }
                        }
                    } catch {
                        failures.add(1, ordering: .relaxed)
                    }
                }
                #expect(mismatches.load(ordering: .relaxed) == 0)
                #expect(failures.load(ordering: .relaxed) == 0)
                #expect(server.metrics.count(method: "GET", route: "/echo/:n", status: 200) == 800)
            }
        }
    }
}
