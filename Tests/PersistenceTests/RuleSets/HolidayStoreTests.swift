import Foundation
import Kinerja
import Postgres
import Testing
import TestSupport
@testable import Persistence

@Suite(.requiresDatabase)
struct HolidayStoreTests {
    let actor = AuditActor.user(UUID())
    let instant = Date(timeIntervalSince1970: 1_760_000_000)

    @Test func theCalendarCombinesNationalDaysWithTheTenantsOwn() throws {
        try RuleSetFixture.seed()
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = HolidayStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant(timeZone: "Asia/Makassar")
        let neighbour = try RuleSetFixture.makeTenant()
        let anniversary = try civil("2025-06-10")
        _ = try store.addTenantHoliday(tenant: tenant.id, date: anniversary, name: "Hari Jadi Kabupaten",
                                       decree: "Keputusan Bupati Nomor 1 Tahun 2025", by: actor, at: instant)

        let calendar = try store.calendar(tenant: tenant.id, years: 2025...2025)
        #expect(calendar.coveredYears == [2025])
        #expect(calendar.holidays.count == NationalHolidays.year2025.holidays.count + 1)
        #expect(calendar.holidays(on: anniversary) == [Holiday(date: anniversary, name: "Hari Jadi Kabupaten", kind: .tenant)])
        #expect(!calendar.isWorkingDay(try civil("2025-04-02")))  // cuti bersama Idul Fitri
        #expect(!calendar.isWorkingDay(anniversary))

        // The neighbour sees the national days only; a year with no list is not covered.
        let neighbours = try store.calendar(tenant: neighbour.id, years: 2025...2027)
        #expect(neighbours.isWorkingDay(anniversary))
        #expect(neighbours.coveredYears == [2025, 2026])
        #expect(neighbours.holidays == NationalHolidays.seeded.holidays)

        let listed = try store.holidays(tenant: tenant.id, year: 2025)
        #expect(listed.first?.holiday.date == (try civil("2025-01-01")))
        #expect(listed.first?.decree.contains("Tahun 2025") == true)
        #expect(listed.contains { $0.holiday.kind == .tenant && $0.decree == "Keputusan Bupati Nomor 1 Tahun 2025" })
        #expect(try store.holidays(tenant: tenant.id, year: 2026).allSatisfy { $0.holiday.kind != .tenant })
    }

    @Test func tenantHolidaysAreAddedOncePerDateAndRemoved() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = HolidayStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let day = try civil("2026-03-02")
        _ = try store.addTenantHoliday(tenant: tenant.id, date: day, name: "Hari Jadi", decree: "Perbup 1/2026", by: actor, at: instant)
        #expect(throws: HolidayStoreError.duplicate(day)) {
            try store.addTenantHoliday(tenant: tenant.id, date: day, name: "Lagi", decree: "Perbup 2/2026", by: actor, at: instant)
        }
        #expect(try store.removeTenantHoliday(tenant: tenant.id, date: day, by: actor, at: instant))
        #expect(try !store.removeTenantHoliday(tenant: tenant.id, date: day, by: actor, at: instant))
        // National days cannot be removed through a tenant.
        #expect(try !store.removeTenantHoliday(tenant: tenant.id, date: try civil("2026-01-01"), by: actor, at: instant))
        // Both changes are in the tenant's audit log, by whom, chained.
        let log = AuditLog(pool: pool)
        let entries = try log.entries(tenant: tenant.id, entity: "tenant_holiday", entityID: "2026-03-02")
        #expect(Array(entries.map(\.action).reversed()) == ["create", "delete"])
        #expect(entries.allSatisfy { $0.actor == actor.description })
        #expect(try log.verify(tenant: tenant.id).isIntact)
    }

    @Test func invalidTenantHolidaysReportEveryField() throws {
        let error = try #require(throws: HolidayStoreError.self) {
            try HolidayStore.check(date: try civil("1999-12-31"), name: "  ", decree: String(repeating: "x", count: 501))
        }
        guard case .invalid(let failure) = error else { Issue.record("\(error)"); return }
        #expect(failure.issues.map(\.path) == ["$.date", "$.name", "$.decree"])
        #expect(failure.issues.map(\.code) == [.outOfRange, .required, .outOfRange])
    }
}
