import Foundation
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

/// Pools and throwaway tenants for store tests. Each test makes its own tenants, so tests share
/// the migrated test database and still run in parallel without seeing each other.
enum PersistenceFixture {
    /// A pool connected as the application role (`kinerja_app`: owns nothing, no BYPASSRLS).
    static func appPool(maxConnections: Int = 4) throws -> PostgresPool {
        let url = try #require(TestEnvironment.databaseURL)
        return PostgresPool(configuration: PostgresPool.Configuration(url: url, maxConnections: maxConnections), logger: .silent)
    }

    /// A new tenant row, inserted by the schema owner (the application cannot create tenants).
    static func makeTenant() throws -> UUID {
        let id = UUID()
        let slug = "t-" + id.uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        try owner.query("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(id), \(String(slug)), \("Kabupaten Uji " + slug), \("Jawa Tengah"), \("Asia/Jakarta"))
            """)
        return id
    }

    /// Runs `sql` as the superuser (who bypasses row-level security), e.g. to tamper with data.
    static func asSuperuser<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try PostgresConnection(url: try PostgresTestDatabase.superuserURL())
        defer { connection.close() }
        return try body(connection)
    }
}
