import Foundation
import Persistence
import Postgres
import Testing
import TestSupport

/// The claim / complete / release / expire cycle of idempotency keys against the database, as the
/// application role (row-level security on).
@Suite(.requiresDatabase) struct IdempotencyStoreTests {
    private static let hashA = String(repeating: "a", count: 64), hashB = String(repeating: "b", count: 64)

    private func scope(_ owner: IdempotencyScope.Owner, key: String = "kunci-1") -> IdempotencyScope {
        IdempotencyScope(owner: owner, route: "POST /v1/units", key: key)
    }

    @Test func claimCompleteAndReplay() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = IdempotencyStore(pool: pool)
        let s = scope(.tenantUser(tenant: try PersistenceFixture.makeTenant(), user: UUID()))
        let now = Date()
        #expect(try store.claim(s, requestHash: Self.hashA, at: now) == .proceed)
        #expect(try store.claim(s, requestHash: Self.hashA, at: now) == .inProgress)
        #expect(try store.claim(s, requestHash: Self.hashB, at: now) == .mismatch)
        let kept = IdempotentResponse(status: 201, contentType: "application/json", location: "/v1/units/1", body: "{\"id\":1}")
        try store.complete(s, with: kept)
        #expect(try store.claim(s, requestHash: Self.hashA, at: now.addingTimeInterval(60)) == .completed(kept))
        #expect(try store.claim(s, requestHash: Self.hashB, at: now.addingTimeInterval(60)) == .mismatch)
        // A completed answer is not overwritten by a late second completion.
        try store.complete(s, with: IdempotentResponse(status: 500))
        #expect(try store.claim(s, requestHash: Self.hashA, at: now.addingTimeInterval(60)) == .completed(kept))
    }

    @Test func releasedAndExpiredKeysAreClaimedAgain() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = IdempotencyStore(pool: pool)
        let s = scope(.tenantUser(tenant: try PersistenceFixture.makeTenant(), user: UUID()))
        let now = Date()
        #expect(try store.claim(s, requestHash: Self.hashA, at: now) == .proceed)
        try store.release(s)
        #expect(try store.claim(s, requestHash: Self.hashB, at: now) == .proceed)
        // A claim whose request died is taken over once it is older than the pending timeout.
        #expect(try store.claim(s, requestHash: Self.hashB, at: now.addingTimeInterval(IdempotencyStore.pendingTimeout - 1)) == .inProgress)
        #expect(try store.claim(s, requestHash: Self.hashA, at: now.addingTimeInterval(IdempotencyStore.pendingTimeout + 1)) == .proceed)
        try store.complete(s, with: IdempotentResponse(status: 201, body: "{}"))
        let later = now.addingTimeInterval(IdempotencyStore.pendingTimeout + 1)
        #expect(try store.claim(s, requestHash: Self.hashA, at: later.addingTimeInterval(IdempotencyStore.lifetime - 1))
                == .completed(IdempotentResponse(status: 201, body: "{}")))
        // After 24 hours the key is forgotten: the same key may mean a new request.
        #expect(try store.claim(s, requestHash: Self.hashB, at: later.addingTimeInterval(IdempotencyStore.lifetime + 1)) == .proceed)
    }

    @Test func keysAreScopedByTenantUserRouteAndOwner() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = IdempotencyStore(pool: pool)
        let tenantA = try PersistenceFixture.makeTenant(), tenantB = try PersistenceFixture.makeTenant()
        let user = UUID(), now = Date()
        let a = scope(.tenantUser(tenant: tenantA, user: user))
        #expect(try store.claim(a, requestHash: Self.hashA, at: now) == .proceed)
        #expect(try store.claim(scope(.tenantUser(tenant: tenantB, user: user)), requestHash: Self.hashB, at: now) == .proceed)
        #expect(try store.claim(scope(.tenantUser(tenant: tenantA, user: UUID())), requestHash: Self.hashB, at: now) == .proceed)
        var otherRoute = a
        otherRoute.route = "POST /v1/jabatan"
        #expect(try store.claim(otherRoute, requestHash: Self.hashB, at: now) == .proceed)
        let admin = scope(.centralAdmin(UUID()))
        #expect(try store.claim(admin, requestHash: Self.hashA, at: now) == .proceed)
        #expect(try store.claim(admin, requestHash: Self.hashB, at: now) == .mismatch)
        // Row-level security: tenant B's transaction sees none of tenant A's keys.
        let visible = try pool.transaction(tenant: tenantB) { c in
            try c.query("SELECT tenant_id FROM idempotency_keys").map { try $0.decode(UUID.self, at: 0) }
        }
        #expect(visible == [tenantB])
    }
}
