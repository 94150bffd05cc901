import Foundation
import Kinerja
import Postgres
import Testing
import TestSupport
@testable import Persistence

@Suite(.requiresDatabase)
struct SeederTests {
    /// The repository's `migrations/`, found from this source file's path.
    static let migrations: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("migrations")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("0006_rule_sets.sql").path) {
                return candidate
            }
        }
        return URL(fileURLWithPath: "migrations")
    }()

    @Test func seedingPublishesTheFourRuleSetsAndHolidaysOnceOnly() throws {
        try PostgresTestDatabase.withDatabase { url in
            _ = try Migrator(directory: Self.migrations, databaseURL: url, logger: .silent).migrate()
            let pool = PostgresPool(configuration: .init(url: url, maxConnections: 2), logger: .silent)
            defer { pool.close() }
            let seeder = Seeder(pool: pool, logger: .silent)

            let first = try seeder.run(at: Date(timeIntervalSince1970: 1_750_000_000))
            #expect(first == [
                "national holidays 2025: 28 days added",
                "national holidays 2026: 25 days added",
                "rule set karawang: published version 1 from 2024-08-07",
                "rule set tanah-laut: published version 1 from 2024-01-01",
                "rule set pasuruan: published version 1 from 2020-01-01",
                "rule set demak: published version 1 from 2023-01-01",
                "reminder schedule demak: daily at 07:00 Asia/Jakarta",
                "reminder schedule karawang: daily at 07:00 Asia/Jakarta",
                "reminder schedule pasuruan: daily at 07:00 Asia/Jakarta",
                "reminder schedule tanah-laut: daily at 07:00 Asia/Makassar",
            ])
            #expect(try seeder.run(at: Date()).isEmpty)

            let store = RuleSetStore(pool: pool)
            let tenants = TenantStore(pool: pool)
            for slug in SeededRuleSets.slugs {
                let tenant = try #require(try tenants.activeTenant(slug: slug))
                let versions = try store.versions(tenant: tenant.id)
                #expect(versions.count == 1, "\(slug)")
                #expect(versions.first?.ruleSet == (try SeededRuleSets.ruleSet(for: slug)))
                #expect(versions.first?.createdBy == "system:kinerja-seed")
            }
            let karawang = try #require(try tenants.activeTenant(slug: "karawang"))
            #expect(try store.inForce(tenant: karawang.id, on: try civil("2024-08-06")) == nil)
            #expect(try store.inForce(tenant: karawang.id, on: try civil("2024-08-07"))?.number == 1)
            let calendar = try HolidayStore(pool: pool).calendar(tenant: karawang.id, years: 2025...2026)
            #expect(calendar == NationalHolidays.seeded)
        }
    }
}
