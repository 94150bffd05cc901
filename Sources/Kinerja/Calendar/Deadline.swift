import Foundation

/// A computed deadline: the last counted day, and the instant it ends in the tenant's time zone.
public struct Deadline: Sendable, Equatable, Codable {
    /// A day that was not counted, and why.
    public struct SkippedDay: Sendable, Equatable, Codable {
        /// The day.
        public var date: CivilDate
        /// Why: "Sabtu", "Minggu", or the holiday's name and kind.
        public var reason: String
    }

    /// The day the count starts from (receipt); it is not itself counted.
    public var start: CivilDate
    /// How many days were counted.
    public var days: Int
    /// Calendar or working days.
    public var unit: DayUnit
    /// The last counted day: the deadline is its end.
    public var due: CivilDate
    /// The end of `due` (23:59:59) in `timeZone`, when a time zone was given.
    public var dueInstant: Date?
    /// The IANA time zone the civil dates are in, when given.
    public var timeZone: String?
    /// Days passed over while counting working days.
    public var skipped: [SkippedDay]
    /// Years the count touched for which the holiday calendar is not known to be complete.
    public var uncoveredYears: [Int]
}
