import Foundation
import JobQueue
import Kinerja
import Persistence
import Postgres
import Testing
import TestSupport
@testable import API

/// The job admin endpoints end to end: a fresh tenant per test, its jobs enqueued into a queue of
/// the test's own (no worker claims them), HTTP through the real server.
@Suite struct JobRoutesTests {
    struct Args: Codable { var n: Int }

    /// Enqueues `count` jobs of `kind` for `tenant`; returns their ids, oldest first.
    func enqueue(_ world: IdentityWorld, queue: JobQueue, tenant: UUID, kind: String = "email.send", count: Int,
                 scheduledAt: Date? = nil) throws -> [Int] {
        try world.appPool.transaction { c in
            try (0..<count).map { n in
                try #require(try queue.enqueue(on: c, kind: kind, args: Args(n: n), tenantID: tenant, scheduledAt: scheduledAt))
            }
        }
    }

    func makeQueue(_ world: IdentityWorld) -> JobQueue {
        JobQueue(pool: world.appPool, configuration: .init(name: "ops_" + UUID().uuidString.prefix(8).lowercased()),
                 logger: .silent)
    }

    func ids(_ reply: APIClient.Reply) throws -> [Int] {
        try #require(try reply.json()["items"] as? [[String: Any]]).compactMap { $0["id"] as? Int }
    }

    @Test func tenantAdminsListTheirOwnJobsOnlyWithFiltersAndCursors() async throws {
        let world = try IdentityWorld()
        let queue = makeQueue(world)
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip, roles: [.tenantAdmin])
        let admin = IdentityWorld.bearer(try await world.login(nip))
        let mails = try enqueue(world, queue: queue, tenant: world.tenantID, count: 5)
        let later = try enqueue(world, queue: queue, tenant: world.tenantID, kind: "skp.approved", count: 1,
                                scheduledAt: Date().addingTimeInterval(3600))
        // Another regency's job (Karawang's seeded id) stays invisible.
        let karawang = try #require(UUID(uuidString: "01935d3a-0000-7000-8000-000000000001"))
        let foreign = try enqueue(world, queue: queue, tenant: karawang, count: 1)

        var seen: [Int] = []
        var cursor: String?
        repeat {
            let reply = try await world.client.get("/v1/jobs?kind=email.send&limit=2" + (cursor.map { "&cursor=\($0)" } ?? ""),
                                                   headers: admin)
            #expect(reply.status == 200, "\(reply.text)")
            let page = try ids(reply)
            #expect(page.count <= 2)
            seen += page
            cursor = try reply.json()["nextCursor"] as? String
        } while cursor != nil
        #expect(seen == mails.reversed())

        let scheduled = try await world.client.get("/v1/jobs?state=scheduled", headers: admin)
        #expect(try ids(scheduled) == later)
        let first = try #require((try scheduled.json()["items"] as? [[String: Any]])?.first)
        #expect(first["kind"] as? String == "skp.approved" && first["args"] == nil && first["errorCount"] as? Int == 0)
        let all = try await world.client.get("/v1/jobs?limit=200", headers: admin)
        let allIDs = try ids(all)
        #expect(allIDs.count == 6)
        #expect(!allIDs.contains(foreign[0]))
        #expect(try await world.client.send("POST", "/v1/jobs/\(foreign[0])/cancel", headers: admin).status == 404)
        #expect(try await world.client.get("/v1/admin/tenants/karawang/jobs", headers: admin).status == 404)

        // Limits and filters are checked.
        #expect(try await world.client.get("/v1/jobs?state=lost", headers: admin).status == 422)
        #expect(try await world.client.get("/v1/jobs?limit=201", headers: admin).status == 422)
        #expect(try await world.client.get("/v1/jobs?cursor=bm9wZQ", headers: admin).status == 400)

        // Not for employees; central admins name the tenant.
        let employeeNIP = IdentityWorld.uniqueNIP()
        try world.user(nip: employeeNIP)
        #expect(try await world.client.get("/v1/jobs", headers: IdentityWorld.bearer(try await world.login(employeeNIP))).status == 403)
        let central = IdentityWorld.bearer(try await world.centralAdminToken())
        #expect(try await world.client.get("/v1/jobs", headers: central).status == 403)
        let named = try await world.client.get("/v1/admin/tenants/\(world.slug)/jobs?limit=200", headers: central)
        #expect(named.status == 200)
        #expect(try ids(named).count == 6)
        #expect(try await world.client.get("/v1/admin/tenants/tidak-ada/jobs", headers: central).status == 404)
        #expect(try await world.client.get("/v1/jobs").status == 401)
    }

    @Test func retryAndCancelFollowTheJobsStateAndAreAudited() async throws {
        let world = try IdentityWorld()
        let queue = makeQueue(world)
        let nip = IdentityWorld.uniqueNIP()
        let adminID = try world.user(nip: nip, roles: [.tenantAdmin])
        let admin = IdentityWorld.bearer(try await world.login(nip))
        let ids = try enqueue(world, queue: queue, tenant: world.tenantID, count: 3)
        let (waiting, failing, running) = (ids[0], ids[1], ids[2])

        // Cancel a waiting job; a second cancel is a conflict; retry undoes it.
        let cancelled = try await world.client.send("POST", "/v1/jobs/\(waiting)/cancel", headers: admin)
        #expect(cancelled.status == 200, "\(cancelled.text)")
        #expect(try cancelled.json()["state"] as? String == "cancelled")
        let again = try await world.client.send("POST", "/v1/jobs/\(waiting)/cancel", headers: admin)
        #expect(again.status == 409)
        #expect(again.header("Content-Type") == "application/problem+json")
        #expect(try again.json()["type"] as? String == "https://kinerja.go.id/problems/job-invalid-state")
        let undone = try await world.client.send("POST", "/v1/jobs/\(waiting)/retry", headers: admin)
        #expect(undone.status == 200)
        #expect(try undone.json()["state"] as? String == "available")
        #expect(try await world.client.send("POST", "/v1/jobs/\(waiting)/retry", headers: admin).status == 409)

        // A job that failed for good: claimed, failed permanently, then retried by the admin.
        try world.appPool.transaction { c in
            try c.query("UPDATE jobs SET max_attempts = 1 WHERE id = \(failing)")
        }
        var claimed = try queue.claim(batch: 3, workerID: "test", kinds: ["email.send"])
        #expect(Set(claimed.map(\.id)) == Set([waiting, failing, running]))
        #expect(try queue.fail(id: failing, attempt: 1, error: "550 mailbox unavailable", permanent: true) == .discarded)
        #expect(try queue.complete(id: waiting, attempt: 1))
        let discarded = try await world.client.get("/v1/jobs?state=discarded", headers: admin)
        let item = try #require((try discarded.json()["items"] as? [[String: Any]])?.first)
        #expect(item["id"] as? Int == failing && item["errorCount"] as? Int == 1)
        #expect(((item["lastErrors"] as? [[String: Any]])?.first?["error"] as? String) == "550 mailbox unavailable")
        let retried = try await world.client.send("POST", "/v1/jobs/\(failing)/retry", headers: admin)
        #expect(retried.status == 200, "\(retried.text)")
        #expect(try retried.json()["state"] as? String == "available")
        #expect(try retried.json()["maxAttempts"] as? Int == 2)

        // Running and completed jobs are refused, with the state named.
        let busy = try await world.client.send("POST", "/v1/jobs/\(running)/cancel", headers: admin)
        #expect(busy.status == 409)
        #expect(busy.text.contains("running"))
        #expect(try await world.client.send("POST", "/v1/jobs/\(waiting)/retry", headers: admin).status == 409)
        #expect(try await world.client.send("POST", "/v1/jobs/abc/retry", headers: admin).status == 404)

        // A central admin acts through the tenant's slug.
        claimed = try queue.claim(batch: 1, workerID: "test", kinds: ["email.send"])
        #expect(claimed.map(\.id) == [failing])
        #expect(try queue.fail(id: failing, attempt: 2, error: "timeout") == .discarded)
        let central = IdentityWorld.bearer(try await world.centralAdminToken())
        #expect(try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/jobs/\(failing)/retry",
                                            headers: central).status == 200)

        // Every change is in the tenant's audit log, in order, and the chain holds.
        let entries = try world.appPool.transaction(tenant: world.tenantID) { c in
            try c.query("""
                SELECT action, actor, entity_id, before->>'state', after->>'state' FROM audit_log
                 WHERE entity = 'job' ORDER BY seq
                """).map { try $0.decode((String, String, String, String, String).self) }
        }
        let user = "user:" + adminID.uuidString.lowercased()
        #expect(entries.map { [$0.0, $0.2, $0.3, $0.4] } == [
            ["cancel", String(waiting), "available", "cancelled"],
            ["retry", String(waiting), "cancelled", "available"],
            ["retry", String(failing), "discarded", "available"],
            ["retry", String(failing), "discarded", "available"],
        ])
        #expect(entries.prefix(3).allSatisfy { $0.1 == user })
        #expect(entries.last?.1.hasPrefix("central-admin:") == true)
        #expect(try AuditLog(pool: world.appPool).verify(tenant: world.tenantID).isIntact)
    }
}
