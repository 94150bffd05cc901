import Foundation
import Kinerja
import Persistence
import Postgres
import Testing
@testable import API

/// User and tenant administration append to the tenant's hash-chained audit log, in the same
/// transaction, and never record a password hash.
@Suite struct IdentityAuditTests {
    func entries(_ world: IdentityWorld, tenant: UUID, entityID: String) throws -> [(String, String)] {
        try world.appPool.transaction(tenant: tenant) { connection in
            try connection.query("""
                SELECT action, actor FROM audit_log WHERE entity_id = \(entityID) ORDER BY seq
                """).map { try $0.decode((String, String).self) }
        }
    }

    @Test func userAdministrationIsAudited() async throws {
        let world = try IdentityWorld()
        let adminNIP = IdentityWorld.uniqueNIP()
        let adminID = try world.user(nip: adminNIP, roles: [.tenantAdmin])
        let admin = IdentityWorld.bearer(try await world.login(adminNIP))
        let created = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json(["email": "audit@example.go.id", "name": "Audit"]),
                                                  headers: admin)
        let id = try #require((try created.json()["user"] as? [String: Any])?["id"] as? String)
        let token = try #require((try created.json()["invitation"] as? [String: Any])?["token"] as? String)
        #expect(try await world.client.send("POST", "/v1/password-resets", body: IdentityWorld.json(
            ["token": token, "newPassword": "kopi hangat di pagi hari"])).status == 204)
        #expect(try await world.client.send("PATCH", "/v1/users/\(id)", body: IdentityWorld.json(["active": false]), headers: admin).status == 200)

        let actor = "user:" + adminID.uuidString.lowercased()
        let log = try entries(world, tenant: world.tenantID, entityID: id)
        #expect(log.map(\.0) == ["create", "set-password", "update"])
        #expect(log.first?.1 == actor && log.last?.1 == actor)
        let stored = try world.appPool.transaction(tenant: world.tenantID) { connection in
            try connection.query("SELECT string_agg(coalesce(before::text, '') || coalesce(after::text, ''), ' ') FROM audit_log")
                .first?.decode(String?.self, at: 0)
        }
        #expect(stored?.contains("pbkdf2") == false)
        #expect(try AuditLog(pool: world.appPool).verify(tenant: world.tenantID).isIntact)
    }

    @Test func onboardingOpensTheNewTenantsChain() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let slug = "kab-" + UUID().uuidString.lowercased().prefix(8)
        let reply = try await world.client.send("POST", "/v1/admin/tenants", body: IdentityWorld.json([
            "slug": slug, "name": "Kabupaten Audit", "province": "Bali", "timeZone": "Asia/Makassar",
        ]), headers: admin)
        let id = try #require(try reply.json()["id"] as? String)
        let tenant = try #require(UUID(uuidString: id))
        #expect(try await world.client.send("POST", "/v1/admin/tenants/\(slug)/deactivate", headers: admin).status == 200)
        let log = try entries(world, tenant: tenant, entityID: id)
        #expect(log.map(\.0) == ["create", "deactivate"])
        #expect(log.allSatisfy { $0.1.hasPrefix("central-admin:") })
        #expect(try AuditLog(pool: world.appPool).verify(tenant: tenant).isIntact)
    }
}
