import Foundation
import Kinerja
import Postgres

/// Loads the 2025 and 2026 national holidays and cuti bersama (`NationalHolidays`, domain.md
/// "Working days and time zones") with the decree of each year.
///
/// A year is loaded only when `national_holiday_years` does not list it yet: from then on its list
/// belongs to operators (a mid-year amendment of the decree moves days), and a re-run must not put
/// back a day they removed.
public struct NationalHolidaySeed: SeedStep {
    /// One year's list and the decree that sets it.
    public struct Year: Sendable {
        /// The year.
        public var year: Int
        /// Its national holidays and cuti bersama.
        public var calendar: HolidayCalendar
        /// The decree, cited on every day of the year.
        public var decree: String
    }

    /// The seeded years. Each year's days are set by a joint decree (SKB) of the Minister of Religious
    /// Affairs, the Minister of Manpower and the MenPANRB.
    public static let seededYears = [
        Year(year: 2025, calendar: NationalHolidays.year2025,
             decree: "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2025"),
        Year(year: 2026, calendar: NationalHolidays.year2026,
             decree: "SKB Menteri Agama, Menteri Ketenagakerjaan dan Menteri PANRB tentang Hari Libur Nasional dan Cuti Bersama Tahun 2026"),
    ]

    /// The years to load.
    public let years: [Year]

    /// A step loading `years`.
    public init(years: [Year] = seededYears) { self.years = years }

    /// `national-holidays`.
    public var name: String { "national-holidays" }

    /// Loads each year not yet listed, in one transaction per year.
    public func run(pool: PostgresPool, at instant: Date) throws -> [String] {
        var report: [String] = []
        for year in years {
            let added = try pool.transaction { connection -> Int? in
                // A concurrent seeder waits here on the other's row, then finds it and skips.
                let claimed = try connection.query("""
                    INSERT INTO national_holiday_years (year, decree) VALUES (\(year.year), \(year.decree))
                    ON CONFLICT (year) DO NOTHING RETURNING year
                    """)
                guard !claimed.isEmpty else { return nil }
                var count = 0
                for holiday in year.calendar.holidays {
                    count += try connection.execute("""
                        INSERT INTO national_holidays (date, kind, name, decree)
                        VALUES (\(PostgresDate(holiday.date)), \(holiday.kind.rawValue), \(holiday.name), \(year.decree))
                        ON CONFLICT DO NOTHING
                        """)
                }
                return count
            }
            if let added { report.append("national holidays \(year.year): \(added) days added") }
        }
        return report
    }
}
