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
