@testable import API
import Foundation
import HTTP
import Persistence
import Testing
import TestSupport

/// Which answers are kept for a retry, what a replay looks like, and a retry that arrives while
/// the first request still holds the key.
@Suite struct IdempotencyPolicyTests {
    @Test(arguments: [(200, true), (201, true), (204, true), (400, true), (404, true), (422, true),
                      (401, false), (403, false), (409, false), (429, false), (500, false), (503, false), (302, false)])
    func finalAnswersAreKept(_ status: Int, _ kept: Bool) {
        let response = Response.bytes(Array("{}".utf8), contentType: "application/json", status: HTTPStatus(status))
        #expect((Idempotency.kept(response, storage: .replay) != nil) == kept)
    }

    @Test func secretsAreKeptOnlyAsDoneButErrorsInFull() throws {
        var created = Response.bytes(Array("{\"token\":\"rahasia\"}".utf8), contentType: "application/json", status: .created)
        created.headers.add(name: "Location", value: "/v1/users/1")
        let kept = try #require(Idempotency.kept(created, storage: .withoutSecrets))
        #expect(kept.body == nil)
        let replay = Idempotency.replay(kept)
        #expect(replay.status == .conflict)
        #expect(replay.headers["Location"] == "/v1/users/1")
        #expect(!String(decoding: replay.body, as: UTF8.self).contains("rahasia"))
        let invalid = Response.bytes(Array("{\"type\":\"x\"}".utf8), contentType: "application/problem+json", status: .unprocessableContent)
        #expect(Idempotency.kept(invalid, storage: .withoutSecrets)?.body == "{\"type\":\"x\"}")
    }

    @Test func aRetryWhileTheFirstRunsIsToldToWait() async throws {
        let world = try IdentityWorld()
        let nip = IdentityWorld.uniqueNIP()
        let user = try world.user(nip: nip, roles: [.tenantAdmin])
        let headers = IdentityWorld.bearer(try await world.login(nip))
        let body = try IdentityWorld.json(["code": "TUNGGU", "name": "Dinas Tunggu"])
        let key = UUID().uuidString
        // The first request holds the key (claimed, not yet completed).
        let hash = Idempotency.hash(Request(method: .post, path: "/v1/perangkat-daerah", body: Array(body)))
        let scope = IdempotencyScope(owner: .tenantUser(tenant: world.tenantID, user: user), route: "POST /v1/perangkat-daerah", key: key)
        #expect(try IdempotencyStore(pool: world.appPool).claim(scope, requestHash: hash, at: Date()) == .proceed)
        let retry = try await world.client.send("POST", "/v1/perangkat-daerah", body: body,
                                                headers: headers.merging(["Idempotency-Key": key, "Content-Type": "application/json"]) { $1 })
        #expect(retry.status == 409, "\(retry.text)")
        #expect(try retry.json()["type"] as? String == "https://kinerja.go.id/problems/idempotency-in-progress")
        #expect(retry.header("Retry-After") == "1")
        let list = try await world.client.get("/v1/perangkat-daerah", headers: headers)
        #expect((try list.json()["items"] as? [Any])?.isEmpty == true)
    }
}
