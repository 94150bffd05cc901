import Foundation
import Persistence
import Postgres
import Runtime
import Testing
import TestSupport

extension Trait where Self == ConditionTrait {
    /// Skips a test, saying why, when `scripts/test` did not provide a database.
    static var requiresDatabase: Self {
        .enabled(if: PostgresTestDatabase.isAvailable && TestEnvironment.databaseURL != nil,
                 "KINERJA_TEST_*_URL not set: run scripts/test")
    }
}

/// A throwaway tenant with one employee in the migrated test database, and pools for it. Each
/// test makes its own tenant, so tests run in parallel without seeing each other.
struct DocumentDatabase {
    let tenant: UUID
    let employee: UUID
    let pool: PostgresPool

    init() throws {
        let url = try #require(TestEnvironment.databaseURL)
        pool = PostgresPool(configuration: PostgresPool.Configuration(url: url, maxConnections: 2), logger: .silent)
        tenant = try Self.makeTenant()
        employee = UUID()
        try pool.transaction(tenant: tenant) { connection in
            try connection.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status)
                VALUES (\(tenant), \(employee), \("198503122010011003"), \("Budi Santoso, S.Kom."), \("PNS"), \("aktif"))
                """)
        }
    }

    /// A new tenant row, inserted by the schema owner (the application cannot create tenants).
    static func makeTenant() throws -> UUID {
        let id = UUID()
        let slug = "d-" + id.uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        try owner.query("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(id), \(String(slug)), \("Kabupaten Uji " + slug), \("Kalimantan Selatan"), \("Asia/Makassar"))
            """)
        return id
    }

    /// The tenant's name as `verify_document` reports it.
    var tenantName: String { "Kabupaten Uji d-" + tenant.uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16) }
}
