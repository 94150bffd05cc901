import Foundation
import Kinerja
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Persistence

/// The identity tables keep tenants apart in the database itself, and the token tables are
/// out of the app role's reach except through the migration's functions.
@Suite struct IdentityStoreIsolationTests {
    final class Setup: Sendable {
        let pool: PostgresPool
        let store: IdentityStore
        let tenantA = UUID(), tenantB = UUID()

        init() throws {
            let url = try #require(TestEnvironment.databaseURL, "run scripts/test")
            pool = PostgresPool(configuration: .init(url: url, maxConnections: 2), logger: .silent)
            store = IdentityStore(pool: pool, hasher: PasswordHasher(iterations: 1000))
            let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
            defer { owner.close() }
            for id in [tenantA, tenantB] {
                let slug = "p-" + UUID().uuidString.lowercased().prefix(12)
                _ = try owner.execute("""
                    INSERT INTO tenants (id, slug, name, province, time_zone)
                    VALUES (\(id), \(slug), \("Kabupaten Uji"), \("Jawa Tengah"), \("Asia/Jakarta"))
                    """)
            }
        }

        deinit { pool.close() }

        func user(in tenant: UUID) throws -> UUID {
            let nip = "1985031220100" + String(Int.random(in: 10000...99999))
            return try store.createUser(tenantID: tenant, NewUser(nip: nip, email: nil, name: "Uji"), grantedBy: nil, actor: .system("test"),
                                        invitationTTLSeconds: 60).0.id
        }
    }

    @Test func usersOfAnotherTenantAreInvisibleAndCannotBeWritten() throws {
        let setup = try Setup()
        let userB = try setup.user(in: setup.tenantB)
        try setup.pool.transaction(tenant: setup.tenantA) { connection in
            // No tenant filter at all: RLS alone hides tenant B.
            let ids = try connection.query("SELECT id FROM users").map { try $0.decode(UUID.self, at: 0) }
            #expect(!ids.contains(userB))
            #expect(try connection.execute("UPDATE users SET name = 'diubah' WHERE id = \(userB)") == 0)
        }
        #expect(throws: PostgresError.self) {
            try setup.pool.transaction(tenant: setup.tenantA) { connection in
                _ = try connection.execute("""
                    INSERT INTO users (tenant_id, id, nip, name) VALUES (\(setup.tenantB), \(UUID()), '198503122010011999', 'x')
                    """)
            }
        }
        // Without a tenant, nothing at all.
        let count = try setup.pool.withConnection { try $0.query("SELECT count(*) FROM users").first?.decode(Int.self, at: 0) }
        #expect(count == 0)
    }

    @Test(arguments: ["SELECT * FROM sessions", "SELECT * FROM one_time_tokens", "DELETE FROM central_admins"])
    func tokenTablesAreOutOfTheAppRolesReach(sql: String) throws {
        let setup = try Setup()
        do {
            try setup.pool.withConnection { _ = try $0.query(PostgresQuery(unsafeSQL: sql)) }
            Issue.record("expected permission denied for \(sql)")
        } catch let error as PostgresError {
            #expect(error.sqlState == "42501")
        }
    }

    @Test func sessionsAreStoredOnlyAsHashesAndRevokedPerTenant() throws {
        let setup = try Setup()
        let userA = try setup.user(in: setup.tenantA)
        let session = try setup.store.startSession(for: .tenantUser(tenantID: setup.tenantA, userID: userA), ttlSeconds: 60)
        let found = try #require(try setup.store.session(for: session.token))
        #expect(found.subject == .tenantUser(tenantID: setup.tenantA, userID: userA))
        #expect(found.tokenHash == SHA256.hex(session.token.value))
        // Revoking "all sessions of userA" from tenant B's context touches nothing.
        let revokedFromB = try setup.store.revokeAllSessions(of: .tenantUser(tenantID: setup.tenantB, userID: userA))
        #expect(revokedFromB == 0)
        // Even the exact hash does not reach it from tenant B's transaction (forced RLS binds the functions).
        let byHashFromB = try setup.pool.transaction(tenant: setup.tenantB) { connection in
            try connection.query("SELECT session_revoke(\(found.tokenHash))").first?.decode(Bool.self, at: 0)
        }
        #expect(byHashFromB == false)
        #expect(try setup.store.session(for: session.token) != nil)
        #expect(try setup.store.revokeAllSessions(of: .tenantUser(tenantID: setup.tenantA, userID: userA)) == 1)
        #expect(try setup.store.session(for: session.token) == nil)
    }

    @Test func aTenantUserSessionNeedsItsTenantSet() throws {
        let setup = try Setup()
        let userA = try setup.user(in: setup.tenantA)
        let hash = String(repeating: "a", count: 64)
        #expect(throws: PostgresError.self) {
            try setup.pool.withConnection { connection in
                _ = try connection.query("SELECT * FROM session_create(\(hash), \(userA), NULL::uuid, 60)")
            }
        }
    }
}
