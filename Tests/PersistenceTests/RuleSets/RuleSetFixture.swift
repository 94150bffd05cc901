import Foundation
import Kinerja
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Persistence

/// Rule-set fixtures over the shared test database (see `PersistenceFixture`). Each test makes its
/// own tenants with random slugs, so tests run in parallel without seeing each other's versions;
/// only the seeded rows (national holidays, the four rule sets) are shared, and seeding is idempotent.
enum RuleSetFixture {
    /// A pool connecting as the schema owner, as `kinerja seed` does.
    static func ownerPool() throws -> PostgresPool {
        PostgresPool(configuration: .init(url: try PostgresTestDatabase.ownerURL(), maxConnections: 2), logger: .silent)
    }

    /// Registers a new tenant with a random slug (as the owner: the app role cannot write `tenants`).
    static func makeTenant(timeZone: String = "Asia/Jakarta") throws -> Tenant {
        let id = UUID()
        let slug = "t-" + id.uuidString.lowercased().prefix(8)
        let tenant = Tenant(id: id, slug: String(slug), name: "Kabupaten Uji \(slug)", province: "Jawa Tengah",
                            timeZone: timeZone, active: true)
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        try owner.execute("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(tenant.id), \(tenant.slug), \(tenant.name), \(tenant.province), \(tenant.timeZone))
            """)
        return tenant
    }

    /// Seeds national holidays and the four rule sets (idempotent; safe when tests race).
    static func seed() throws {
        let pool = try ownerPool()
        defer { pool.close() }
        _ = try Seeder(pool: pool, logger: .silent).run(at: Date())
    }

    /// A seeded rule set (Demak's by default) rewritten for `tenant`, with `edit` applied to the JSON object.
    static func document(for tenant: Tenant, from slug: String = "demak",
                         edit: (inout [String: Any]) -> Void = { _ in }) throws -> Data {
        let data = try SeededRuleSets.data(for: slug)
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        object["tenant"] = tenant.slug
        object["timeZone"] = tenant.timeZone
        object["name"] = "Aturan kinerja \(tenant.name)"
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    /// `document(for:)` with the objection filing window set to `days` (a visible, valid edit).
    static func document(for tenant: Tenant, filingDays days: Int) throws -> Data {
        try document(for: tenant) { object in
            var objection = object["objection"] as? [String: Any] ?? [:]
            var window = objection["filingWindow"] as? [String: Any] ?? [:]
            window["days"] = days
            objection["filingWindow"] = window
            object["objection"] = objection
        }
    }

    /// Runs `body` on an app-role connection inside a transaction scoped to `tenant` (or none), rolled back.
    static func asApp<T>(tenant: UUID?, _ body: (PostgresConnection) throws -> T) throws -> T {
        let url = try #require(TestEnvironment.databaseURL)
        let connection = try PostgresConnection(url: url)
        defer { connection.close() }
        try connection.simpleQuery("BEGIN")
        defer { try? connection.simpleQuery("ROLLBACK") }
        if let tenant { try connection.setLocal("app.tenant_id", to: tenant.uuidString.lowercased()) }
        return try body(connection)
    }
}

/// `YYYY-MM-DD` as a civil date (test input is always well-formed).
func civil(_ text: String) throws -> CivilDate {
    try #require(CivilDate(iso: text))
}
