import API
import Foundation
import Kinerja
import Persistence
import Postgres
import Runtime
import Testing
import TestSupport

/// A fresh tenant (random slug) with users, and the API started against the test database, so
/// identity tests run in parallel without seeing each other's rows.
final class IdentityWorld: Sendable {
    static let password = "kata sandi uji yang panjang"
    /// Cheap hashing, and an address allowance no parallel test can exhaust: every test logs in
    /// from 127.0.0.1 (the per-address test sets its own).
    static let fastHashing = ["KINERJA_PASSWORD_PBKDF2_ITERATIONS": "1000", "KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS": "100000"]

    let fixture: APIFixture
    let tenantID: UUID
    let slug: String
    /// The app role's pool, as the API uses it.
    let appPool: PostgresPool
    let identities: IdentityStore

    var client: APIClient { fixture.client }

    init(_ overrides: [String: String] = [:]) throws {
        fixture = try APIFixture(Self.fastHashing.merging(overrides) { $1 })
        let appURL = try #require(TestEnvironment.databaseURL)
        appPool = PostgresPool(configuration: .init(url: appURL, maxConnections: 2), logger: .silent)
        identities = IdentityStore(pool: appPool, hasher: PasswordHasher(iterations: 1000))
        tenantID = UUID()
        slug = "t-" + UUID().uuidString.lowercased().prefix(12)
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        _ = try owner.execute("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(tenantID), \(slug), \("Kabupaten Uji"), \("Jawa Barat"), \("Asia/Jakarta"))
            """)
    }

    deinit { appPool.close() }

    /// A perangkat daerah of this tenant (for pengelola kinerja grants); returns its id.
    func perangkatDaerah() throws -> UUID {
        let id = UUID()
        try appPool.transaction(tenant: tenantID) { c in
            try c.query("""
                INSERT INTO perangkat_daerah (tenant_id, id, code, name)
                VALUES (\(tenantID), \(id), \("PD-" + UUID().uuidString.prefix(8)), 'Dinas Uji')
                """)
        }
        return id
    }

    /// Creates a user with a password set through the invitation flow; returns the user id.
    @discardableResult
    func user(nip: String? = nil, email: String? = nil, roles: [Role] = [], password: String = IdentityWorld.password) throws -> UUID {
        let nip = nip ?? (email == nil ? Self.uniqueNIP() : nil)
        let (record, invitation) = try identities.createUser(
            tenantID: tenantID, NewUser(nip: nip, email: email, name: "Pengguna Uji", roles: roles),
            grantedBy: nil, actor: .system("test"), invitationTTLSeconds: 600)
        try identities.completeOneTimeToken(invitation.token, newPassword: password)
        return record.id
    }

    /// NIPs unique enough for one test tenant.
    static func uniqueNIP() -> String {
        "1985031220100" + String(Int.random(in: 10000...99999))
    }

    /// Logs in and returns the bearer token.
    func login(_ login: String, password: String = IdentityWorld.password, slug: String? = nil) async throws -> String {
        let reply = try await client.send("POST", "/v1/tenants/\(slug ?? self.slug)/sessions",
                                          body: Self.json(["login": login, "password": password]))
        #expect(reply.status == 201, "login failed: \(reply.text)")
        return try #require(try reply.json()["token"] as? String)
    }

    /// A central admin created as the CLI would (owner connection); returns its token.
    func centralAdminToken() async throws -> String {
        let ownerPool = PostgresPool(configuration: .init(url: try PostgresTestDatabase.ownerURL(), maxConnections: 1), logger: .silent)
        defer { ownerPool.close() }
        let email = "pusat-\(UUID().uuidString.prefix(8).lowercased())@kinerja.go.id"
        _ = try IdentityStore(pool: ownerPool, hasher: PasswordHasher(iterations: 1000)).createCentralAdmin(email: email, password: Self.password)
        let reply = try await client.send("POST", "/v1/admin/sessions", body: Self.json(["login": email, "password": Self.password]))
        #expect(reply.status == 201, "admin login failed: \(reply.text)")
        return try #require(try reply.json()["token"] as? String)
    }

    static func json(_ object: Any) throws -> Data {
        try JSONSerialization.data(withJSONObject: object)
    }

    static func bearer(_ token: String) -> [String: String] { ["Authorization": "Bearer \(token)"] }
}
