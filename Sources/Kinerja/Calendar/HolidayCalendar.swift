/// The days off of a tenant: data passed in, never code (domain.md, "Working days and time zones").
///
/// Working days are Monday–Friday (Perpres 21/2023) minus every holiday in the calendar.
/// `coveredYears` says for which years the lists are complete, so a deadline that runs into a
/// year nobody has entered yet is flagged instead of silently counting holidays as working days.
public struct HolidayCalendar: Sendable, Equatable {
    /// All holidays, sorted by date.
    public let holidays: [Holiday]
    /// Years whose holiday lists are complete.
    public let coveredYears: Set<Int>
    private let byDate: [CivilDate: [Holiday]]

    /// Creates a calendar.
    public init(holidays: [Holiday], coveredYears: Set<Int>) {
        self.holidays = holidays.sorted { ($0.date, $0.kind.rawValue, $0.name) < ($1.date, $1.kind.rawValue, $1.name) }
        self.coveredYears = coveredYears
        byDate = Dictionary(grouping: holidays, by: \.date)
    }

    /// An empty calendar: only weekends are days off.
    public static let empty = HolidayCalendar(holidays: [], coveredYears: [])

    /// The holidays falling on `date`.
    public func holidays(on date: CivilDate) -> [Holiday] {
        byDate[date] ?? []
    }

    /// Whether `date` is a working day: a weekday that is no holiday.
    public func isWorkingDay(_ date: CivilDate) -> Bool {
        !date.weekday.isWeekend && byDate[date] == nil
    }

    /// This calendar with `other`'s holidays added (e.g. national lists plus the tenant's own days).
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(holidays: holidays + other.holidays, coveredYears: coveredYears.union(other.coveredYears))
    }
}

extension HolidayCalendar: Codable {
    private enum CodingKeys: String, CodingKey { case holidays, coveredYears }

    /// Decodes `{"holidays": [...], "coveredYears": [2025, 2026]}`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(holidays: try container.decode([Holiday].self, forKey: .holidays),
                  coveredYears: try container.decodeIfPresent(Set<Int>.self, forKey: .coveredYears) ?? [])
    }

    /// Encodes holidays in date order and covered years ascending.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(holidays, forKey: .holidays)
        try container.encode(coveredYears.sorted(), forKey: .coveredYears)
    }
}
