import Foundation
import Kinerja
import Postgres
import Testing
@testable import API

@Suite struct TenantAdminRoutesTests {
    @Test func centralAdminOnboardsAFifthTenant() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let slug = "kab-" + UUID().uuidString.lowercased().prefix(8)
        let onboard = try await world.client.send("POST", "/v1/admin/tenants", body: IdentityWorld.json([
            "slug": slug, "name": "Kabupaten Sleman", "province": "DI Yogyakarta", "timeZone": "Asia/Jakarta",
        ]), headers: admin)
        #expect(onboard.status == 201, "\(onboard.text)")
        let public1 = try await world.client.get("/v1/tenants/\(slug)")
        #expect(public1.status == 200)
        #expect(try public1.json()["name"] as? String == "Kabupaten Sleman")

        let patch = try await world.client.send("PATCH", "/v1/admin/tenants/\(slug)", body: IdentityWorld.json(
            ["name": "Kabupaten Sleman Baru", "timeZone": "Asia/Makassar"]), headers: admin)
        #expect(patch.status == 200)
        #expect(try patch.json()["timeZone"] as? String == "Asia/Makassar")
        #expect(try patch.json()["province"] as? String == "DI Yogyakarta")
        // Onboarding gave the tenant its daily reminder scan at 07:00; the new zone moved it along.
        let schedule = try world.appPool.withConnection { c in
            try c.query("""
                SELECT kind, daily_at::text, time_zone FROM job_schedules WHERE name = \("reminders.daily:" + slug) AND active
                """).first?.decode((String, String, String).self)
        }
        #expect(schedule?.0 == "reminders.scan")
        #expect(schedule?.1 == "07:00:00")
        #expect(schedule?.2 == "Asia/Makassar")

        let list = try await world.client.get("/v1/admin/tenants?limit=200", headers: admin)
        #expect(list.status == 200 && list.text.contains(slug))

        // Its first BKPSDM admin, invited by the central admin.
        let created = try await world.client.send("POST", "/v1/admin/tenants/\(slug)/users", body: IdentityWorld.json([
            "email": "bkpsdm@slemankab.go.id", "name": "Admin BKPSDM", "roles": [["role": "tenant_admin"]],
        ]), headers: admin)
        #expect(created.status == 201, "\(created.text)")
        let invitation = try #require((try created.json()["invitation"] as? [String: Any])?["token"] as? String)
        #expect(try await world.client.send("POST", "/v1/password-resets", body: IdentityWorld.json(
            ["token": invitation, "newPassword": "merapi pagi yang cerah"])).status == 204)
        let tenantAdmin = try await world.login("bkpsdm@slemankab.go.id", password: "merapi pagi yang cerah", slug: slug)
        #expect(try await world.client.get("/v1/users", headers: IdentityWorld.bearer(tenantAdmin)).status == 200)

        let deactivated = try await world.client.send("POST", "/v1/admin/tenants/\(slug)/deactivate", headers: admin)
        #expect(deactivated.status == 200)
        #expect(try deactivated.json()["active"] as? Bool == false)
        #expect(try await world.client.get("/v1/tenants/\(slug)").status == 404)
        // Its users' tokens stop working.
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(tenantAdmin)).status == 401)
    }

    @Test func tenantAdminsCannotOnboardTenants() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip, roles: [.tenantAdmin])
        let token = IdentityWorld.bearer(try await world.login(nip))
        let reply = try await world.client.send("POST", "/v1/admin/tenants", body: IdentityWorld.json([
            "slug": "kab-terlarang", "name": "X", "province": "Y", "timeZone": "Asia/Jakarta",
        ]), headers: token)
        #expect(reply.status == 403)
        #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/forbidden")
        #expect(try await world.client.get("/v1/admin/tenants", headers: token).status == 403)
        #expect(try await world.client.send("POST", "/v1/admin/tenants/karawang/deactivate", headers: token).status == 403)
        // Another tenant's users stay invisible to a tenant admin, even through the admin route.
        #expect(try await world.client.send("POST", "/v1/admin/tenants/karawang/users", body: IdentityWorld.json(
            ["email": "x@example.go.id", "name": "X"]), headers: token).status == 404)
    }

    @Test func onboardingValidatesAndRefusesDuplicates() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let bad = try await world.client.send("POST", "/v1/admin/tenants", body: IdentityWorld.json([
            "slug": "Bad Slug", "name": "", "province": "Jawa", "timeZone": "Europe/Paris",
        ]), headers: admin)
        #expect(bad.status == 422)
        #expect(bad.text.contains("/slug") && bad.text.contains("/name") && bad.text.contains("/timeZone"))
        let duplicate = try await world.client.send("POST", "/v1/admin/tenants", body: IdentityWorld.json([
            "slug": "karawang", "name": "Kabupaten Karawang", "province": "Jawa Barat", "timeZone": "Asia/Jakarta",
        ]), headers: admin)
        #expect(duplicate.status == 409)
        #expect(try await world.client.send("PATCH", "/v1/admin/tenants/tidak-ada", body: IdentityWorld.json(["name": "X"]),
                                            headers: admin).status == 404)
    }

    @Test func centralAdminsHaveNoTenantRoutes() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let me = try await world.client.get("/v1/me", headers: admin)
        #expect(try me.json()["kind"] as? String == "central_admin")
        #expect(try await world.client.get("/v1/users", headers: admin).status == 403)
    }
}
