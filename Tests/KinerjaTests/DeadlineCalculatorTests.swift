import Foundation
import Testing
@testable import Kinerja

@Suite("Deadlines in calendar and working days")
struct DeadlineCalculatorTests {
    private let basis = LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 35 huruf a")
    private func window(_ days: Int, _ unit: DayUnit) -> DayWindow { DayWindow(days: days, unit: unit, basis: basis) }
    private let jakarta = TimeZone(identifier: "Asia/Jakarta")
    private let makassar = TimeZone(identifier: "Asia/Makassar")

    @Test("working and calendar days across weekends and holiday clusters", arguments: [
        ("2025-01-10", 1, DayUnit.working, "2025-01-13"),     // Friday → Monday
        ("2025-01-09", 14, .working, "2025-02-03"),           // Isra Mikraj, cuti bersama and Imlek (27–29 Jan)
        ("2025-03-20", 14, .working, "2025-04-21"),           // Nyepi and Idul Fitri 1446 H, then Good Friday
        ("2025-03-20", 14, .calendar, "2025-04-03"),          // calendar days ignore holidays
        ("2025-04-21", 7, .working, "2025-04-30"),
        ("2025-04-25", 7, .working, "2025-05-07"),            // 1 May
        ("2025-12-24", 3, .working, "2025-12-31"),            // Natal and cuti bersama 26 Dec
        ("2025-12-24", 5, .working, "2026-01-05"),            // into 2026, past 1 Jan
        ("2026-03-17", 1, .working, "2026-03-25"),            // Nyepi + Idul Fitri 1447 H: 18–24 Mar all off
        ("2026-03-17", 7, .calendar, "2026-03-24"),
    ])
    func deadlines(start: String, days: Int, unit: DayUnit, expected: String) {
        let result = DeadlineCalculator.deadline(from: day(start), window: window(days, unit),
                                                 holidays: NationalHolidays.seeded)
        #expect(result.value.due == day(expected))
        #expect(result.value.uncoveredYears == [])
    }

    @Test("skipped days are listed with their reasons")
    func skippedDays() {
        let result = DeadlineCalculator.deadline(from: day("2026-03-17"), window: window(1, .working),
                                                 holidays: NationalHolidays.seeded)
        #expect(result.value.skipped.map(\.date.description) == [
            "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24",
        ])
        #expect(result.value.skipped[0].reason == "Hari Suci Nyepi (cuti bersama)")
        #expect(result.value.skipped[3].reason == "Sabtu")
        #expect(result.explanation.steps.last?.text == "Tenggat: akhir hari 2026-03-25 (Rabu), pukul 23.59 waktu setempat.")
    }

    @Test("tenant holidays are data too")
    func tenantHoliday() {
        let tenant = HolidayCalendar(holidays: [Holiday(date: day("2025-01-13"), name: "Libur daerah", kind: .tenant)],
                                     coveredYears: [])
        let calendar = NationalHolidays.seeded.merging(tenant)
        let result = DeadlineCalculator.deadline(from: day("2025-01-10"), window: window(1, .working), holidays: calendar)
        #expect(result.value.due == day("2025-01-14"))
    }

    @Test("a year without a holiday list is flagged")
    func uncoveredYear() {
        let result = DeadlineCalculator.deadline(from: day("2026-12-28"), window: window(5, .working),
                                                 holidays: NationalHolidays.seeded)
        #expect(result.value.due == day("2027-01-04"))
        #expect(result.value.uncoveredYears == [2027])
    }

    /// 2025-01-09T16:30Z is Thursday 23:30 in WIB but already Friday 00:30 in WITA;
    /// 2025-01-10T16:30Z is Friday 23:30 in WIB but already Saturday 00:30 in WITA.
    @Test("the receipt day is the tenant's wall-clock day", arguments: [
        ("2025-01-09T16:30:00Z", "Asia/Jakarta", 1, DayUnit.working, "2025-01-09", "2025-01-10", "2025-01-10T16:59:59Z"),
        ("2025-01-09T16:30:00Z", "Asia/Makassar", 1, .working, "2025-01-10", "2025-01-13", "2025-01-13T15:59:59Z"),
        ("2025-01-09T16:30:00Z", "Asia/Jakarta", 14, .working, "2025-01-09", "2025-02-03", "2025-02-03T16:59:59Z"),
        ("2025-01-09T16:30:00Z", "Asia/Makassar", 14, .working, "2025-01-10", "2025-02-04", "2025-02-04T15:59:59Z"),
        ("2025-01-10T16:30:00Z", "Asia/Jakarta", 1, .working, "2025-01-10", "2025-01-13", "2025-01-13T16:59:59Z"),
        ("2025-01-10T16:30:00Z", "Asia/Makassar", 1, .working, "2025-01-11", "2025-01-13", "2025-01-13T15:59:59Z"),
        ("2025-01-10T16:30:00Z", "Asia/Jakarta", 14, .calendar, "2025-01-10", "2025-01-24", "2025-01-24T16:59:59Z"),
        ("2025-01-10T16:30:00Z", "Asia/Makassar", 14, .calendar, "2025-01-11", "2025-01-25", "2025-01-25T15:59:59Z"),
        ("2025-03-27T16:05:00Z", "Asia/Makassar", 14, .working, "2025-03-28", "2025-04-28", "2025-04-28T15:59:59Z"),
        ("2025-03-27T16:05:00Z", "Asia/Jakarta", 14, .working, "2025-03-27", "2025-04-28", "2025-04-28T16:59:59Z"),
    ])
    func timeZones(instant: String, zone: String, days: Int, unit: DayUnit, receipt: String, due: String,
                   dueInstant: String) throws {
        let formatter = ISO8601DateFormatter()
        let received = try #require(formatter.date(from: instant))
        let timeZone = try #require(TimeZone(identifier: zone))
        let result = DeadlineCalculator.deadline(receivedAt: received, timeZone: timeZone, window: window(days, unit),
                                                 holidays: NationalHolidays.seeded)
        #expect(result.value.start == day(receipt))
        #expect(result.value.due == day(due))
        #expect(result.value.dueInstant == formatter.date(from: dueInstant))
        #expect(result.value.timeZone == zone)
    }

    @Test("seeded national lists")
    func seededLists() {
        #expect(NationalHolidays.year2025.holidays.filter { $0.kind == .national }.count == 17)
        #expect(NationalHolidays.year2025.holidays.filter { $0.kind == .cutiBersama }.count == 11)
        #expect(NationalHolidays.year2026.holidays.filter { $0.kind == .national }.count == 17)
        #expect(NationalHolidays.year2026.holidays.filter { $0.kind == .cutiBersama }.count == 8)
        #expect(NationalHolidays.seeded.isWorkingDay(day("2025-04-07")) == false)   // cuti bersama, a Monday
        #expect(NationalHolidays.seeded.isWorkingDay(day("2025-04-08")))
    }

    @Test("civil date arithmetic", arguments: [
        ("1970-01-01", 0, Weekday.thursday), ("2024-02-29", 19_782, .thursday), ("2025-01-10", 20_098, .friday),
        ("2000-03-01", 11_017, .wednesday), ("1969-12-31", -1, .wednesday),
    ])
    func civilDates(text: String, days: Int, weekday: Weekday) throws {
        let date = try #require(CivilDate(iso: text))
        #expect(date.daysSinceEpoch == days)
        #expect(CivilDate(daysSinceEpoch: days) == date)
        #expect(date.weekday == weekday)
        #expect(date.description == text)
    }

    @Test("invalid civil dates are refused", arguments: ["2025-02-29", "2025-13-01", "2025-1-01", "25-01-01", "2025-01-00"])
    func invalidDates(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }
}
