import Foundation
import Kinerja
import Testing
@testable import API

@Suite struct UserRoutesTests {
    func adminToken(_ world: IdentityWorld) async throws -> String {
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip, roles: [.tenantAdmin])
        return try await world.login(nip)
    }

    @Test func invitationSetsThePasswordOnceOnly() async throws {
        let world = try IdentityWorld()
        let admin = try await adminToken(world)
        // A perangkat daerah that does not exist in the tenant is refused, naming the field.
        let unknown = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json([
            "nip": "19900101 201501 2 004", "name": "Rina Wulandari",
            "roles": [["role": "pengelola_kinerja", "perangkatDaerahId": UUID().uuidString]],
        ]), headers: IdentityWorld.bearer(admin))
        #expect(unknown.status == 422, "\(unknown.text)")
        #expect(unknown.text.contains("/roles"))
        let created = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json([
            "nip": "19900101 201501 2 004", "email": "Rina@Example.go.id", "name": "Rina Wulandari",
            "roles": [["role": "pengelola_kinerja", "perangkatDaerahId": try world.perangkatDaerah().uuidString]],
        ]), headers: IdentityWorld.bearer(admin))
        #expect(created.status == 201, "\(created.text)")
        let body = try created.json()
        let user = try #require(body["user"] as? [String: Any])
        #expect(user["nip"] as? String == "199001012015012004")
        #expect(user["email"] as? String == "rina@example.go.id")
        #expect(user["passwordSet"] as? Bool == false)
        let invitation = try #require(body["invitation"] as? [String: Any])
        #expect(invitation["delivery"] as? String == "returned_to_admin")
        let token = try #require(invitation["token"] as? String)

        // No password yet: the same 401 as any failed login.
        let early = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                body: IdentityWorld.json(["login": "199001012015012004", "password": "apa saja kata sandinya"]))
        #expect(early.status == 401)

        let weak = try await world.client.send("POST", "/v1/password-resets",
                                               body: IdentityWorld.json(["token": token, "newPassword": "pendek"]))
        #expect(weak.status == 422)
        let set = try await world.client.send("POST", "/v1/password-resets",
                                              body: IdentityWorld.json(["token": token, "newPassword": "sawah hijau di karawang"]))
        #expect(set.status == 204, "a refused password must leave the token usable")
        _ = try await world.login("rina@example.go.id", password: "sawah hijau di karawang")
        let again = try await world.client.send("POST", "/v1/password-resets",
                                                body: IdentityWorld.json(["token": token, "newPassword": "sawah hijau di karawang 2"]))
        #expect(again.status == 400)
        #expect(try again.json()["type"] as? String == "https://kinerja.go.id/problems/invalid-one-time-token")
    }

    @Test func resetTokensExpireAndEndSessions() async throws {
        let world = try IdentityWorld(["KINERJA_PASSWORD_RESET_TTL_SECONDS": "3"])
        let admin = try await adminToken(world)
        let nip = IdentityWorld.uniqueNIP()
        let id = try world.user(nip: nip)
        let session = try await world.login(nip)

        let expiring = try await world.client.send("POST", "/v1/users/\(id.uuidString)/password-reset", headers: IdentityWorld.bearer(admin))
        #expect(expiring.status == 201)
        let stale = try #require(try expiring.json()["token"] as? String)
        try await Task.sleep(for: .seconds(3.5))
        let late = try await world.client.send("POST", "/v1/password-resets",
                                               body: IdentityWorld.json(["token": stale, "newPassword": "gunung merapi berasap"]))
        #expect(late.status == 400)

        let fresh = try await world.client.send("POST", "/v1/users/\(id.uuidString)/password-reset", headers: IdentityWorld.bearer(admin))
        let token = try #require(try fresh.json()["token"] as? String)
        let used = try await world.client.send("POST", "/v1/password-resets",
                                               body: IdentityWorld.json(["token": token, "newPassword": "gunung merapi berasap"]))
        #expect(used.status == 204)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(session)).status == 401)
    }

    @Test func onlyTenantAdminsManageUsers() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let token = try await world.login(nip)
        let create = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json(["email": "x@example.go.id", "name": "X"]),
                                                 headers: IdentityWorld.bearer(token))
        #expect(create.status == 403)
        #expect(try await world.client.get("/v1/users", headers: IdentityWorld.bearer(token)).status == 403)
    }

    @Test func listIsPaginatedWithAnOpaqueCursor() async throws {
        let world = try IdentityWorld()
        let admin = try await adminToken(world)
        for _ in 0..<3 { try world.user() }
        let headers = IdentityWorld.bearer(admin)
        let first = try await world.client.get("/v1/users?limit=3", headers: headers)
        #expect(first.status == 200)
        let page = try first.json()
        #expect((page["items"] as? [Any])?.count == 3)
        let cursor = try #require(page["nextCursor"] as? String)
        let second = try await world.client.get("/v1/users?limit=3&cursor=\(cursor)", headers: headers)
        let rest = try second.json()
        #expect((rest["items"] as? [Any])?.count == 1)
        #expect(rest["nextCursor"] is NSNull)
        #expect(try await world.client.get("/v1/users?limit=201", headers: headers).status == 422)
        #expect(try await world.client.get("/v1/users?cursor=%21%21", headers: headers).status == 400)
    }

    @Test func duplicateLoginsAreRefused() async throws {
        let world = try IdentityWorld()
        let admin = try await adminToken(world)
        let body = try IdentityWorld.json(["email": "sama@example.go.id", "name": "Sama"])
        #expect(try await world.client.send("POST", "/v1/users", body: body, headers: IdentityWorld.bearer(admin)).status == 201)
        let duplicate = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json(["email": "SAMA@example.go.id", "name": "Sama"]),
                                                    headers: IdentityWorld.bearer(admin))
        #expect(duplicate.status == 409)
        let invalid = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json(["nip": "123", "name": ""]),
                                                  headers: IdentityWorld.bearer(admin))
        #expect(invalid.status == 422)
        #expect(invalid.text.contains("/nip") && invalid.text.contains("/name") && invalid.text.contains("nip_wrong_length"))
        let badSex = try await world.client.send("POST", "/v1/users", body: IdentityWorld.json(["nip": "19850312 201001 3 003", "name": "X"]),
                                                 headers: IdentityWorld.bearer(admin))
        #expect(badSex.status == 422 && badSex.text.contains("nip_invalid_sex_digit"))
    }

    @Test func anotherTenantsTokenSeesNothingHere() async throws {
        let a = try IdentityWorld(), b = try IdentityWorld()
        let adminA = try await adminToken(a)
        let nipB = IdentityWorld.uniqueNIP()
        let userB = try b.user(nip: nipB)
        // Tenant A's admin cannot reach tenant B's user: it does not exist for them.
        let reset = try await a.client.send("POST", "/v1/users/\(userB.uuidString)/password-reset", headers: IdentityWorld.bearer(adminA))
        #expect(reset.status == 404)
        let list = try await a.client.get("/v1/users?limit=200", headers: IdentityWorld.bearer(adminA))
        #expect(!list.text.contains(userB.uuidString.lowercased()))
        // A token of tenant A is not a login at tenant B either.
        let tokenB = try await b.login(nipB)
        let me = try await a.client.get("/v1/me", headers: IdentityWorld.bearer(tokenB))
        #expect((try me.json()["tenant"] as? [String: Any])?["slug"] as? String == b.slug)
        let wrongTenant = try await a.client.send("POST", "/v1/tenants/\(a.slug)/sessions",
                                                  body: IdentityWorld.json(["login": nipB, "password": IdentityWorld.password]))
        #expect(wrongTenant.status == 401)
    }
}

extension UserRoutesTests {
    @Test func adminUpdatesRolesAndDeactivationEndsSessions() async throws {
        let world = try IdentityWorld()
        let adminNIP = IdentityWorld.uniqueNIP()
        let adminID = try world.user(nip: adminNIP, roles: [.tenantAdmin])
        let admin = IdentityWorld.bearer(try await world.login(adminNIP))
        let nip = IdentityWorld.uniqueNIP()
        let id = try world.user(nip: nip)
        let session = try await world.login(nip)

        let unit = try world.perangkatDaerah().uuidString.lowercased()
        let promoted = try await world.client.send("PATCH", "/v1/users/\(id.uuidString)", body: IdentityWorld.json(
            ["name": "Nama Baru", "roles": [["role": "pengelola_kinerja", "perangkatDaerahId": unit]]]), headers: admin)
        #expect(promoted.status == 200, "\(promoted.text)")
        #expect(promoted.text.contains(unit) && promoted.text.contains("Nama Baru"))
        let me = try await world.client.get("/v1/me", headers: IdentityWorld.bearer(session))
        #expect(me.text.contains("pengelola_kinerja"))

        let shown = try await world.client.get("/v1/users/\(id.uuidString)", headers: admin)
        #expect(shown.status == 200)

        let deactivated = try await world.client.send("PATCH", "/v1/users/\(id.uuidString)", body: IdentityWorld.json(["active": false]),
                                                      headers: admin)
        #expect(deactivated.status == 200)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(session)).status == 401)
        let login = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                body: IdentityWorld.json(["login": nip, "password": IdentityWorld.password]))
        #expect(login.status == 401)

        let lockout = try await world.client.send("PATCH", "/v1/users/\(adminID.uuidString)", body: IdentityWorld.json(["roles": []]),
                                                  headers: admin)
        #expect(lockout.status == 422 && lockout.text.contains("self_lockout"))
        #expect(try await world.client.get("/v1/users/\(UUID().uuidString)", headers: admin).status == 404)
    }
}
