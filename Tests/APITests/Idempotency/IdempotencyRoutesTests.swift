import API
import Foundation
import Kinerja
import Postgres
import Testing
import TestSupport

/// `Idempotency-Key` end to end over HTTP, on real creating routes: replay, reuse, concurrency,
/// scoping per user, no header, a malformed key, a central admin's key and a secret-bearing route.
@Suite struct IdempotencyRoutesTests {
    private static let problems = "https://kinerja.go.id/problems/"

    /// A tenant admin of `world`, logged in: its headers.
    private func admin(_ world: IdentityWorld) async throws -> [String: String] {
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip, roles: [.tenantAdmin])
        return IdentityWorld.bearer(try await world.login(nip))
    }

    private func post(_ world: IdentityWorld, _ path: String, _ body: Data, _ headers: [String: String],
                      key: String?) async throws -> APIClient.Reply {
        var headers = headers.merging(["Content-Type": "application/json"]) { $1 }
        if let key { headers["Idempotency-Key"] = key }
        return try await world.client.send("POST", path, body: body, headers: headers)
    }

    private func perangkatDaerah(code: String) throws -> Data {
        try IdentityWorld.json(["code": code, "name": "Dinas " + code])
    }

    private func count(_ world: IdentityWorld, _ headers: [String: String]) async throws -> Int {
        let list = try await world.client.get("/v1/perangkat-daerah", headers: headers)
        return try #require(try list.json()["items"] as? [Any]).count
    }

    @Test func sameKeySameRequestIsAnsweredOnceAndReplayed() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        let body = try perangkatDaerah(code: "DISDIK")
        let key = UUID().uuidString
        let first = try await post(world, "/v1/perangkat-daerah", body, headers, key: key)
        #expect(first.status == 201, "\(first.text)")
        #expect(first.header("Idempotent-Replayed") == nil)
        let second = try await post(world, "/v1/perangkat-daerah", body, headers, key: key)
        #expect(second.status == 201, "\(second.text)")
        #expect(second.header("Idempotent-Replayed") == "true")
        #expect(second.body == first.body)
        #expect(second.header("Content-Type") == first.header("Content-Type"))
        #expect(try await count(world, headers) == 1)

        let other = try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "DINKES"), headers, key: key)
        #expect(other.status == 422)
        #expect(try other.json()["type"] as? String == Self.problems + "idempotency-key-reused")
        #expect(try await count(world, headers) == 1)
    }

    @Test func withoutTheHeaderEveryRequestRuns() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        #expect(try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "A1"), headers, key: nil).status == 201)
        #expect(try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "A2"), headers, key: nil).status == 201)
        // The same body again runs again: the handler itself answers the duplicate code.
        let again = try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "A1"), headers, key: nil)
        #expect(again.status == 409)
        #expect(again.header("Idempotent-Replayed") == nil)
        #expect(try await count(world, headers) == 2)
    }

    @Test func concurrentRequestsWithOneKeyCreateOnce() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        let body = try perangkatDaerah(code: "BAPPEDA")
        let key = UUID().uuidString
        async let a = post(world, "/v1/perangkat-daerah", body, headers, key: key)
        async let b = post(world, "/v1/perangkat-daerah", body, headers, key: key)
        let replies = try await [a, b]
        #expect(replies.filter { $0.status == 201 && $0.header("Idempotent-Replayed") == nil }.count == 1,
                "\(replies.map(\.text))")
        for reply in replies where !(reply.status == 201) {
            // Never the handler's own duplicate-code conflict: the second request did not run.
            #expect(reply.status == 409)
            #expect(try reply.json()["type"] as? String == Self.problems + "idempotency-in-progress")
            #expect(reply.header("Retry-After") != nil)
        }
        #expect(try await count(world, headers) == 1)
        // Once the first is done, a retry is a replay.
        let retry = try await post(world, "/v1/perangkat-daerah", body, headers, key: key)
        #expect(retry.status == 201)
        #expect(retry.header("Idempotent-Replayed") == "true")
    }

    @Test func keysOfDifferentUsersDoNotCollide() async throws {
        let world = try IdentityWorld()
        let first = try await admin(world), second = try await admin(world)
        let key = "shared-key"
        let a = try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "U1"), first, key: key)
        let b = try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "U2"), second, key: key)
        #expect(a.status == 201)
        #expect(b.status == 201, "\(b.text)")
        #expect(b.header("Idempotent-Replayed") == nil)
        #expect(try await count(world, first) == 2)
        // The same key on another route is another key too.
        let jabatan = try await post(world, "/v1/jabatan", try IdentityWorld.json(["code": "U1", "name": "Jabatan U1"]), first, key: key)
        #expect(try jabatan.json()["type"] as? String != Self.problems + "idempotency-key-reused", "\(jabatan.text)")
        #expect(jabatan.header("Idempotent-Replayed") == nil)
    }

    @Test(arguments: [String(repeating: "k", count: 256), "dua\tkunci"])
    func malformedKeyIsRefused(_ key: String) async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        let reply = try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "X1"), headers, key: key)
        #expect(reply.status == 400)
        #expect(try reply.json()["type"] as? String == Self.problems + "invalid-idempotency-key")
        #expect(try await count(world, headers) == 0)
    }

    @Test func errorsThatMayGoAwayAreNotKept() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        #expect(try await post(world, "/v1/perangkat-daerah", try perangkatDaerah(code: "DUP"), headers, key: nil).status == 201)
        let key = UUID().uuidString
        let body = try IdentityWorld.json(["code": "DUP", "name": "Lain"])
        // A 409 is not kept: the same request runs again (and conflicts again).
        #expect(try await post(world, "/v1/perangkat-daerah", body, headers, key: key).status == 409)
        let again = try await post(world, "/v1/perangkat-daerah", body, headers, key: key)
        #expect(again.status == 409)
        #expect(try again.json()["type"] as? String == Self.problems + "conflict")
        // A 422 is final and kept.
        let invalid = try IdentityWorld.json(["code": "", "name": ""])
        let otherKey = UUID().uuidString
        let first = try await post(world, "/v1/perangkat-daerah", invalid, headers, key: otherKey)
        #expect(first.status == 422)
        let replay = try await post(world, "/v1/perangkat-daerah", invalid, headers, key: otherKey)
        #expect(replay.status == 422)
        #expect(replay.header("Idempotent-Replayed") == "true")
        #expect(replay.body == first.body)
    }

    @Test func centralAdminKeysLiveOnThePlatform() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let slug = "kab-" + UUID().uuidString.lowercased().prefix(8)
        let body = try IdentityWorld.json(["slug": slug, "name": "Kabupaten Uji Idempoten", "province": "Bali", "timeZone": "Asia/Makassar"])
        let key = UUID().uuidString
        let first = try await post(world, "/v1/admin/tenants", body, admin, key: key)
        #expect(first.status == 201, "\(first.text)")
        let second = try await post(world, "/v1/admin/tenants", body, admin, key: key)
        #expect(second.status == 201, "\(second.text)")
        #expect(second.header("Idempotent-Replayed") == "true")
        #expect(second.body == first.body)
    }

    @Test func oneTimeTokensAreNeverStoredNorReplayed() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        let key = UUID().uuidString
        let body = try IdentityWorld.json(["email": "idem-\(UUID().uuidString.prefix(8))@example.go.id", "name": "Sekali Saja"])
        let first = try await post(world, "/v1/users", body, headers, key: key)
        #expect(first.status == 201, "\(first.text)")
        let invitation = try #require(try first.json()["invitation"] as? [String: Any])
        let token = try #require(invitation["token"] as? String)
        let second = try await post(world, "/v1/users", body, headers, key: key)
        #expect(second.status == 409)
        #expect(try second.json()["type"] as? String == Self.problems + "idempotency-completed")
        #expect(!second.text.contains(token))
        #expect(second.header("Idempotent-Replayed") == nil)
        // Nothing of the answer's body is in the table.
        let stored = try PostgresTestDatabaseQuery.storedBodies(tenant: world.tenantID)
        #expect(stored.count == 1)
        #expect(stored.allSatisfy { $0 == nil })
    }
}

/// Reads idempotency rows as the superuser (who bypasses row-level security), to see what is kept.
enum PostgresTestDatabaseQuery {
    static func storedBodies(tenant: UUID) throws -> [String?] {
        let connection = try PostgresConnection(url: try PostgresTestDatabase.superuserURL())
        defer { connection.close() }
        return try connection.query("SELECT response_body FROM idempotency_keys WHERE tenant_id = \(tenant)")
            .map { try $0.decode(String?.self, at: 0) }
    }
}
