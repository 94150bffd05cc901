import Foundation
import Kinerja
import Testing
import TestSupport
@testable import API

@Suite(.serialized) struct SessionRoutesTests {
    @Test func loginByNIPWithSpacesThenWhoAmI() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip, roles: [.tenantAdmin])
        let spaced = "\(nip.prefix(8)) \(nip.dropFirst(8).prefix(6)) \(nip.dropFirst(14).prefix(1)) \(nip.suffix(3))"
        let reply = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                body: IdentityWorld.json(["login": spaced, "password": IdentityWorld.password]))
        #expect(reply.status == 201)
        let body = try reply.json()
        let token = try #require(body["token"] as? String)
        #expect(token.count == 43)
        #expect(body["tokenType"] as? String == "Bearer")
        #expect(body["expiresAt"] is String)

        let me = try await world.client.get("/v1/me", headers: IdentityWorld.bearer(token))
        #expect(me.status == 200)
        let json = try me.json()
        #expect(json["kind"] as? String == "tenant_user")
        #expect((json["user"] as? [String: Any])?["nip"] as? String == nip)
        #expect((json["tenant"] as? [String: Any])?["slug"] as? String == world.slug)
        #expect((json["roles"] as? [[String: Any]])?.compactMap { $0["role"] as? String } == ["tenant_admin"])
    }

    @Test func loginByEmailIgnoresCase() async throws {
        let world = try IdentityWorld()
        try world.user(email: "siti.aminah@example.go.id")
        _ = try await world.login("Siti.Aminah@EXAMPLE.go.id")
    }

    @Test func wrongPasswordAndUnknownUserGetTheSameAnswer() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let wrong = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                body: IdentityWorld.json(["login": nip, "password": "salah sekali kata sandinya"]))
        let unknown = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                  body: IdentityWorld.json(["login": "199001012015011999", "password": "salah sekali kata sandinya"]))
        #expect(wrong.status == 401 && unknown.status == 401)
        #expect(wrong.body == unknown.body)
        #expect(wrong.header("WWW-Authenticate") == "Bearer realm=\"kinerja\"")
        #expect(try wrong.json()["type"] as? String == "https://kinerja.go.id/problems/invalid-credentials")
    }

    @Test func failedLoginsPerAccountAreThrottled() async throws {
        let world = try IdentityWorld(["KINERJA_LOGIN_MAX_FAILURES_PER_ACCOUNT": "3"])
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        for _ in 0..<3 {
            let reply = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                    body: IdentityWorld.json(["login": nip, "password": "bukan kata sandinya"]))
            #expect(reply.status == 401)
        }
        // Even the right password waits now.
        let blocked = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                                  body: IdentityWorld.json(["login": nip, "password": IdentityWorld.password]))
        #expect(blocked.status == 429)
        let retryAfter = try #require(blocked.header("Retry-After").flatMap(Int.init))
        #expect(retryAfter > 0 && retryAfter <= 900)
        let detail = try #require(try blocked.json()["detail"] as? String)
        #expect(detail.contains("Coba lagi dalam"))
    }

    @Test func failedLoginsPerAddressAreThrottled() async throws {
        // A long window, and a client address of its own: no other test's failures count here,
        // and no amount of machine load lets the window run out mid-test.
        let world = try IdentityWorld(["KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS": "4", "KINERJA_LOGIN_THROTTLE_WINDOW_SECONDS": "600"])
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let source = LoopbackRequest.randomSourceAddress()
        let port = world.fixture.service.server.boundPort
        let path = "/v1/tenants/\(world.slug)/sessions"
        var statuses: [Int] = []
        for index in 0..<4 {
            let body = try IdentityWorld.json(["login": "tebakan\(index)@example.go.id", "password": "x"])
            statuses.append(try LoopbackRequest.send("POST", path, body: body, port: port, from: source).status)
        }
        let right = try IdentityWorld.json(["login": nip, "password": IdentityWorld.password])
        let blocked = try LoopbackRequest.send("POST", path, body: right, port: port, from: source)
        #expect(statuses == [401, 401, 401, 401])
        #expect(blocked.status == 429)
        #expect(blocked.header("Retry-After") != nil)
        // The same account from another address is not blocked by this address's failures.
        let elsewhere = try LoopbackRequest.send("POST", path, body: right, port: port, from: LoopbackRequest.randomSourceAddress())
        #expect(elsewhere.status == 201)
    }

    @Test func anAddressMayTryAgainAfterTheWindow() async throws {
        let world = try IdentityWorld(["KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS": "2", "KINERJA_LOGIN_THROTTLE_WINDOW_SECONDS": "1"])
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let source = LoopbackRequest.randomSourceAddress()
        let port = world.fixture.service.server.boundPort
        let path = "/v1/tenants/\(world.slug)/sessions"
        for index in 0..<3 {
            let body = try IdentityWorld.json(["login": "tebakan\(index)@example.go.id", "password": "x"])
            _ = try LoopbackRequest.send("POST", path, body: body, port: port, from: source)
        }
        // Only the outcome is asserted, never a duration: waiting longer can only help.
        let right = try IdentityWorld.json(["login": nip, "password": IdentityWorld.password])
        var status = 0
        for _ in 0..<40 where status != 201 && status != 200 {
            try await Task.sleep(for: .milliseconds(250))
            status = try LoopbackRequest.send("POST", path, body: right, port: port, from: source).status
        }
        #expect(status == 201 || status == 200)
    }

    @Test func missingTokenIs401WithChallenge() async throws {
        let world = try IdentityWorld()
        let reply = try await world.client.get("/v1/me")
        #expect(reply.status == 401)
        #expect(reply.header("WWW-Authenticate") == "Bearer realm=\"kinerja\"")
        let garbage = try await world.client.get("/v1/me", headers: IdentityWorld.bearer("bukan-token"))
        #expect(garbage.status == 401)
        #expect(garbage.header("WWW-Authenticate")?.contains("error=\"invalid_token\"") == true)
    }

    @Test func tokensExpire() async throws {
        let world = try IdentityWorld(["KINERJA_SESSION_TTL_SECONDS": "3"])
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let token = try await world.login(nip)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(token)).status == 200)
        try await Task.sleep(for: .seconds(3.5))
        let expired = try await world.client.get("/v1/me", headers: IdentityWorld.bearer(token))
        #expect(expired.status == 401)
        #expect(try expired.json()["type"] as? String == "https://kinerja.go.id/problems/invalid-token")
    }

    @Test func logoutRevokesOnlyThisSession() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let first = try await world.login(nip), second = try await world.login(nip)
        #expect(try await world.client.send("DELETE", "/v1/sessions/current", headers: IdentityWorld.bearer(first)).status == 204)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(first)).status == 401)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(second)).status == 200)
    }

    @Test func logoutEverywhereRevokesAllSessions() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let first = try await world.login(nip), second = try await world.login(nip)
        #expect(try await world.client.send("DELETE", "/v1/me/sessions", headers: IdentityWorld.bearer(first)).status == 204)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(first)).status == 401)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(second)).status == 401)
    }

    @Test func passwordChangeRevokesOtherSessionsAndFollowsThePolicy() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let current = try await world.login(nip), other = try await world.login(nip)
        let headers = IdentityWorld.bearer(current)

        let withNIP = try await world.client.send("PUT", "/v1/me/password", body: IdentityWorld.json(
            ["currentPassword": IdentityWorld.password, "newPassword": "rahasia-\(nip)"]), headers: headers)
        #expect(withNIP.status == 422)
        #expect(withNIP.text.contains("contains_nip"))
        let short = try await world.client.send("PUT", "/v1/me/password", body: IdentityWorld.json(
            ["currentPassword": IdentityWorld.password, "newPassword": "pendek"]), headers: headers)
        #expect(short.status == 422 && short.text.contains("too_short"))
        let wrongCurrent = try await world.client.send("PUT", "/v1/me/password", body: IdentityWorld.json(
            ["currentPassword": "bukan yang sekarang", "newPassword": "teh manis hangat sore"]), headers: headers)
        #expect(wrongCurrent.status == 422 && wrongCurrent.text.contains("wrong_password"))
        // A refused change revoked nothing.
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(other)).status == 200)

        let changed = try await world.client.send("PUT", "/v1/me/password", body: IdentityWorld.json(
            ["currentPassword": IdentityWorld.password, "newPassword": "teh manis hangat sore"]), headers: headers)
        #expect(changed.status == 204)
        #expect(try await world.client.get("/v1/me", headers: headers).status == 200)
        #expect(try await world.client.get("/v1/me", headers: IdentityWorld.bearer(other)).status == 401)
        _ = try await world.login(nip, password: "teh manis hangat sore")
        let old = try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                              body: IdentityWorld.json(["login": nip, "password": IdentityWorld.password]))
        #expect(old.status == 401)
    }

    @Test func olderHashCostIsUpgradedAtLogin() async throws {
        let world = try IdentityWorld(["KINERJA_PASSWORD_PBKDF2_ITERATIONS": "2000"])
        let nip = IdentityWorld.uniqueNIP()
        let id = try world.user(nip: nip) // hashed at 1,000 by the world's store
        _ = try await world.login(nip)
        let stored = try world.appPool.transaction(tenant: world.tenantID) { connection in
            try connection.query("SELECT password_hash FROM users WHERE id = \(id)").first?.decode(String.self, at: 0)
        }
        #expect(stored?.hasPrefix("pbkdf2-sha256$2000$") == true)
    }
}

extension SessionRoutesTests {
    @Test(arguments: [("bearer", 200), ("BEARER", 200), ("Basic", 401), ("Token", 401)])
    func bearerSchemeIsCaseInsensitive(scheme: String, expected: Int) async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let token = try await world.login(nip)
        let reply = try await world.client.get("/v1/me", headers: ["Authorization": "\(scheme) \(token)"])
        #expect(reply.status == expected)
    }

    @Test func guessingTheCurrentPasswordIsThrottled() async throws {
        let world = try IdentityWorld(["KINERJA_LOGIN_MAX_FAILURES_PER_ACCOUNT": "2"])
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let headers = IdentityWorld.bearer(try await world.login(nip))
        var statuses: [Int] = []
        for guess in ["tebakan pertama salah", "tebakan kedua salah", IdentityWorld.password] {
            let reply = try await world.client.send("PUT", "/v1/me/password", body: IdentityWorld.json(
                ["currentPassword": guess, "newPassword": "kata sandi baru sekali"]), headers: headers)
            statuses.append(reply.status)
        }
        #expect(statuses == [422, 422, 429])
    }
}
