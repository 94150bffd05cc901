import Foundation
import HTTP
import Testing
import TestSupport
@testable import API

@Suite struct SystemRoutesTests {
    @Test func healthzAnswersWithoutTheDatabase() async throws {
        // A pool pointed at a database that does not exist: liveness must still be 200.
        let fixture = try APIFixture(["KINERJA_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"])
        let reply = try await fixture.client.get("/healthz")
        #expect(reply.status == 200)
        #expect(reply.text == "ok")
        #expect(reply.header("X-Request-Id")?.isEmpty == false)
    }

    @Test func readyzIs503WhenTheDatabaseIsUnreachable() async throws {
        let fixture = try APIFixture(["KINERJA_DATABASE_URL": "postgres://nobody@127.0.0.1:1/none?connect_timeout=1"])
        let reply = try await fixture.client.get("/readyz")
        #expect(reply.status == 503)
        #expect(reply.header("Content-Type") == "application/problem+json")
        #expect(reply.header("Retry-After") != nil)
    }

    @Test func readyzIs200WhenMigrated() async throws {
        let fixture = try APIFixture()
        let reply = try await fixture.client.get("/readyz")
        #expect(reply.status == 200)
        let body = try reply.json()
        #expect(body["status"] as? String == "ready")
    }

    /// SIGTERM's order (kinerja-api's main.swift): `/readyz` turns 503 for the drain delay while
    /// other requests are still served, and only then does the listener close.
    @Test func stopAnswersNotReadyDuringTheDrainPauseThenCloses() throws {
        let fixture = try APIFixture(["KINERJA_HTTP_DRAIN_DELAY_MS": "1500"])
        let port = fixture.service.server.boundPort
        let get = { (path: String) in try LoopbackRequest.send("GET", path, body: Data(), port: port, from: "127.0.0.1") }
        #expect(try get("/readyz").status == 200)
        var paused: Duration?, readyz: Int?, tenant: Int?
        fixture.service.stop { delay in
            paused = delay
            readyz = try? get("/readyz").status
            tenant = try? get("/v1/tenants/karawang").status
        }
        #expect(paused == .milliseconds(1500))
        #expect(readyz == 503)
        #expect(tenant == 200)
        #expect(throws: LoopbackRequest.Failure.self) { try get("/healthz") }
    }

    @Test func metricsCountRequestsByRouteAndStatus() async throws {
        let fixture = try APIFixture()
        _ = try await fixture.client.get("/v1/tenants/karawang")
        _ = try await fixture.client.get("/v1/tenants/tidak-ada")
        let reply = try await fixture.client.get("/metrics")
        #expect(reply.status == 200)
        #expect(reply.text.contains("route=\"/v1/tenants/:slug\""))
        #expect(reply.text.contains("status=\"404\""))
        #expect(reply.text.contains("kinerja_db_pool_in_use"))
    }

    @Test func everyRouteIsInTheOpenAPIDocument() throws {
        let fixture = try APIFixture()
        _ = fixture
        let documented = try OpenAPIDocument.operations()
        let router = try APIRoutes.makeRouter(pool: fixture.service.pool, metrics: HTTPMetrics(),
                                              migrationsDirectory: APIFixture.migrationsDirectory, logger: .silent)
        let registered = Set(router.registeredRoutes.map { "\($0.method.rawValue) \($0.pattern)" })
        #expect(registered.subtracting(documented).isEmpty, "routes missing from openapi.json")
        #expect(documented.subtracting(registered).isEmpty, "openapi.json lists routes that do not exist")
    }

    @Test func openAPIDocumentIsServed() async throws {
        let fixture = try APIFixture()
        let reply = try await fixture.client.get("/v1/openapi.json")
        #expect(reply.status == 200)
        #expect(try reply.json()["openapi"] as? String == "3.1.0")
    }
}
