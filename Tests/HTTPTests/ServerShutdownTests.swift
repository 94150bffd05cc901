import Dispatch
import Foundation
import Glibc
import Synchronization
import Testing
@testable import HTTP

extension ServerTests {
    @Suite struct Shutdown {
        @Test func inFlightRequestFinishesAndNewConnectionsAreRefused() throws {
            let started = DispatchSemaphore(value: 0)
            let router = Router()
            router.get("/sleep") { _ in
                started.signal()
                usleep(300_000)
                return .text("done")
            }
            router.get("/healthz") { _ in .text("ok") }
            // Its own thread names: other suites run servers in this process at the same time.
            let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, handlerThreads: 2, accessLog: false,
                                                         threadNamePrefix: "shutdown1"),
                                    router: router)
            try server.start()
            #expect(eventually { threadCount(named: "shutdown1-") == 3 })
            let port = server.boundPort
            let idle = try TestClient(port: port)
            #expect(try idle.roundTrip("GET /healthz HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
            let busy = try TestClient(port: port)
            try busy.send("GET /sleep HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(started.wait(timeout: .now() + 5) == .success)

            let returned = DispatchSemaphore(value: 0)
            Thread.detachNewThread {
                server.shutdown(deadline: .seconds(5))
                returned.signal()
            }
            let reply = try busy.readResponse()
            #expect(reply.status == 200)
            #expect(reply.text == "done")
            #expect(reply.header("Connection") == "close")
            #expect(busy.isClosedByServer())
            #expect(idle.isClosedByServer())
            #expect(returned.wait(timeout: .now() + 5) == .success)
            #expect(throws: TestClient.Failure.self) { _ = try TestClient(port: port) }
            #expect(eventually { threadCount(named: "shutdown1-") == 0 })
        }

        /// The order a load balancer needs: `/readyz` turns 503 while every other request is still
        /// served (new connections included); only after the pause does the listener close, and a
        /// request in flight across both phases still gets its response.
        @Test func readinessTurnsFirstThenTheServerDrains() throws {
            let readiness = Readiness()
            let release = DispatchSemaphore(value: 0), started = DispatchSemaphore(value: 0)
            let router = Router()
            router.get("/readyz") { _ in readiness.response() }
            router.get("/work") { _ in .text("ok") }
            router.get("/slow") { _ in
                started.signal()
                release.wait()
                return .text("done")
            }
            let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, handlerThreads: 2, accessLog: false,
                                                         threadNamePrefix: "shutdown3"),
                                    router: router, readiness: readiness)
            try server.start()
            let port = server.boundPort
            #expect(try TestClient(port: port).roundTrip("GET /readyz HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)
            let inFlight = try TestClient(port: port)
            try inFlight.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(started.wait(timeout: .now() + 5) == .success)

            let paused = DispatchSemaphore(value: 0), resume = DispatchSemaphore(value: 0)
            let returned = DispatchSemaphore(value: 0)
            defer {  // nothing stays blocked when an expectation fails early
                resume.signal()
                release.signal()
            }
            Thread.detachNewThread {
                server.shutdown(deadline: .seconds(10)) {
                    paused.signal()
                    resume.wait()
                }
                returned.signal()
            }
            #expect(paused.wait(timeout: .now() + 5) == .success)
            // Paused: not ready, yet still accepting and serving with keep-alive.
            let probe = try TestClient(port: port).roundTrip("GET /readyz HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(probe.status == 503)
            #expect(probe.header("Retry-After") != nil)
            let fresh = try TestClient(port: port)
            let served = try fresh.roundTrip("GET /work HTTP/1.1\r\nHost: t\r\n\r\n")
            #expect(served.status == 200)
            #expect(served.header("Connection") != "close")
            #expect(try fresh.roundTrip("GET /work HTTP/1.1\r\nHost: t\r\n\r\n").status == 200)

            resume.signal()
            // Draining: the listener is closed, the idle keep-alive connection too; the slow
            // request is still being handled.
            #expect(eventually { (try? TestClient(port: port)) == nil })
            #expect(fresh.isClosedByServer())
            release.signal()
            let reply = try inFlight.readResponse()
            #expect(reply.status == 200)
            #expect(reply.text == "done")
            #expect(reply.header("Connection") == "close")
            #expect(returned.wait(timeout: .now() + 10) == .success)
        }

        @Test func deadlineForceClosesWhatRemains() throws {
            let router = Router()
            router.get("/stuck") { _ in
                usleep(4_000_000)
                return .text("late")
            }
            let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, handlerThreads: 1, accessLog: false,
                                                         threadNamePrefix: "shutdown2"),
                                    router: router)
            try server.start()
            let client = try TestClient(port: server.boundPort)
            try client.send("GET /stuck HTTP/1.1\r\nHost: t\r\n\r\n")
            usleep(100_000)
            let clock = ContinuousClock()
            let elapsed = clock.measure { server.shutdown(deadline: .milliseconds(300)) }
            // Bounded by the deadline (plus the short wait for the forced close), not by the handler.
            // The handler sleeps 4 s; returning well before it proves the deadline was honoured.
            #expect(elapsed < .milliseconds(3_000))
            #expect(client.isClosedByServer())
            #expect(eventually(timeout: .seconds(15)) { threadCount(named: "shutdown2-") == 0 })
        }

        @Test func shutdownBeforeStartAndTwiceIsHarmless() throws {
            let server = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0), router: Router())
            server.shutdown(deadline: .seconds(1))
            #expect(server.boundPort == 0)
            let started = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, accessLog: false), router: Router())
            try started.start()
            #expect(started.boundPort > 0)
            #expect(throws: HTTPServerError.self) { try started.start() }
            started.shutdown(deadline: .seconds(1))
            started.shutdown(deadline: .seconds(1))
        }
    }

    @Suite struct Startup {
        @Test func invalidHostIsReported() {
            let server = HTTPServer(configuration: .init(host: "localhost", port: 0), router: Router())
            #expect {
                try server.start()
            } throws: { error in
                guard case HTTPServerError.invalidHost("localhost") = error else { return false }
                return true
            }
        }

        @Test func portInUseIsReported() throws {
            let first = HTTPServer(configuration: .init(host: "127.0.0.1", port: 0, accessLog: false), router: Router())
            try first.start()
            defer { first.shutdown(deadline: .seconds(1)) }
            let second = HTTPServer(configuration: .init(host: "127.0.0.1", port: first.boundPort), router: Router())
            #expect(throws: HTTPServerError.self) { try second.start() }
            #expect(second.boundPort == 0)
        }
    }

    @Suite struct Resources {
        @Test func badRequestsAndClosedConnectionsLeakNoDescriptor() throws {
            let before = openDescriptorCount()
            try withServer({ $0.headerTimeout = .milliseconds(200); $0.lingerTimeout = .milliseconds(200) },
                           routes: { $0.post("/x", bodyLimit: 8) { _ in .text("ok") } }) { server in
                let port = server.boundPort
                let garbage = [
                    "GET / HTTP/9.9\r\n\r\n", "\u{0}\u{1}\u{2}\r\n\r\n", "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
                    "POST /x HTTP/1.1\r\nHost: t\r\nContent-Length: 100\r\n\r\n0123456789",
                    "POST /x HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n",
                    "GET /x HTTP/1.1\r\nHost: t\r\n\r\n", "GET /" + String(repeating: "a", count: 20_000),
                    "GET / HTTP/1.1\r\nHost: t\r\n",  // never finished: closed by the client or the timeout
                ]
                for round in 0..<10 {
                    for raw in garbage {
                        let client = try TestClient(port: port, timeout: .seconds(2))
                        try? client.send(raw)
                        if round % 2 == 0 { _ = try? client.readResponse() }
                    }
                    _ = try TestClient(port: port)  // connect and close without a byte
                }
                // Every server-side socket closes; only the listener stays.
                #expect(eventually { socketCount(localPort: port) == 1 })
            }
            #expect(eventually { openDescriptorCount() <= before })
        }
    }
}
