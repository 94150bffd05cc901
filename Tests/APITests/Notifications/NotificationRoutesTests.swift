import Foundation
import Kinerja
import Persistence
import Postgres
import Testing
import TestSupport

/// `GET /v1/me/notifications` and `POST /v1/me/notifications/{id}/read` through HTTP: each person
/// sees only their own list, newest first, paged by cursor, filtered to unread; and row-level
/// security keeps one regency's notifications from another.
@Suite struct NotificationRoutesTests {
    /// An employee with a login in `world`; returns the employee id and a token.
    private func person(_ world: IdentityWorld, _ name: String) async throws -> (UUID, String) {
        let employee = UUID(), tenant = world.tenantID
        try world.appPool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status)
                VALUES (\(tenant), \(employee), \(IdentityWorld.uniqueNIP()), \(name), 'PNS', 'aktif')
                """)
        }
        let email = "\(name.lowercased())-\(UUID().uuidString.prefix(6).lowercased())@uji.go.id"
        let (_, invitation) = try world.identities.createUser(
            tenantID: tenant, NewUser(nip: nil, email: email, name: name, employeeID: employee, roles: []),
            grantedBy: nil, invitationTTLSeconds: 600)
        try world.identities.completeOneTimeToken(invitation.token, newPassword: IdentityWorld.password)
        return (employee, try await world.login(email))
    }

    /// Writes a notification for `recipient` as the worker does, `minutes` after a fixed moment.
    private func notify(_ world: IdentityWorld, _ recipient: UUID, _ title: String, minutes: Double) throws {
        let tenant = world.tenantID
        try world.appPool.transaction(tenant: tenant) { c in
            try NotificationStore.insert(
                InAppNotificationDraft(tenantID: tenant, recipientID: recipient, kind: "evaluation.finalised", title: title,
                                       body: "Hasil evaluasi kinerja Anda telah ditetapkan.", link: "/v1/documents/x"),
                jobID: Int.random(in: 1...Int(Int32.max)), at: Date(timeIntervalSince1970: 1_775_000_000 + minutes * 60),
                on: c)
        }
    }

    private func titles(_ reply: APIClient.Reply) throws -> [String] {
        try #require(try reply.json()["items"] as? [[String: Any]]).compactMap { $0["title"] as? String }
    }

    @Test func eachPersonPagesThroughTheirOwnListAndMarksItemsRead() async throws {
        let world = try IdentityWorld()
        let (budi, budiToken) = try await person(world, "Budi")
        let (siti, sitiToken) = try await person(world, "Siti")
        for (index, title) in ["pertama", "kedua", "ketiga"].enumerated() { try notify(world, budi, title, minutes: Double(index)) }
        try notify(world, siti, "milik Siti", minutes: 5)
        let auth = IdentityWorld.bearer(budiToken)

        let first = try await world.client.get("/v1/me/notifications?limit=2", headers: auth)
        #expect(first.status == 200, "\(first.text)")
        #expect(try titles(first) == ["ketiga", "kedua"])
        let cursor = try #require(try first.json()["nextCursor"] as? String)
        let second = try await world.client.get("/v1/me/notifications?limit=2&cursor=\(cursor)", headers: auth)
        #expect(try titles(second) == ["pertama"])
        #expect(try second.json()["nextCursor"] is NSNull)

        let items = try #require(try first.json()["items"] as? [[String: Any]])
        let newest = try #require(items.first?["id"] as? String)
        let read = try await world.client.send("POST", "/v1/me/notifications/\(newest)/read", headers: auth)
        #expect(read.status == 200, "\(read.text)")
        #expect(try read.json()["readAt"] is String)
        #expect(try titles(try await world.client.get("/v1/me/notifications?unread=true", headers: auth)) == ["kedua", "pertama"])

        // Siti sees only hers and cannot mark Budi's.
        #expect(try titles(try await world.client.get("/v1/me/notifications", headers: IdentityWorld.bearer(sitiToken)))
            == ["milik Siti"])
        let foreign = try await world.client.send("POST", "/v1/me/notifications/\(newest)/read",
                                                  headers: IdentityWorld.bearer(sitiToken))
        #expect(foreign.status == 404)
        #expect(try await world.client.get("/v1/me/notifications").status == 401)
        #expect(try await world.client.get("/v1/me/notifications?unread=mungkin", headers: auth).status == 422)
        #expect(try await world.client.get("/v1/me/notifications?limit=500", headers: auth).status == 422)
        _ = siti
    }

    @Test func rowLevelSecurityKeepsRegenciesApart() async throws {
        let world = try IdentityWorld()
        let (budi, _) = try await person(world, "Budi")
        try notify(world, budi, "rahasia", minutes: 0)
        let other = try IdentityWorld()
        let store = NotificationStore(pool: world.appPool)
        // Read as the other regency, the same employee id finds nothing.
        #expect(try store.list(tenant: other.tenantID, recipient: budi, unreadOnly: false, before: nil, limit: 10).isEmpty)
        #expect(try store.list(tenant: world.tenantID, recipient: budi, unreadOnly: false, before: nil, limit: 10).count == 1)
        let (tenant, otherTenant) = (world.tenantID, other.tenantID)
        let counted = try world.appPool.transaction(tenant: otherTenant) { c in
            try c.query("SELECT count(*)::int FROM notifications WHERE tenant_id = \(tenant)").first?.decode(Int.self, at: 0)
        }
        #expect(counted == 0)
        // Writing into another regency's list is refused by the policy's WITH CHECK.
        #expect(throws: PostgresError.self) {
            try world.appPool.transaction(tenant: otherTenant) { c in
                try NotificationStore.insert(
                    InAppNotificationDraft(tenantID: tenant, recipientID: budi, kind: "objection.filed", title: "x", body: "y"),
                    jobID: 1, at: Date(), on: c)
            }
        }
    }
}
