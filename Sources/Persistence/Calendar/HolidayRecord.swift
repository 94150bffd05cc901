import Kinerja

/// A holiday as stored: the domain's day off plus the decree that set it.
public struct HolidayRecord: Sendable, Equatable {
    /// The day, its name and kind (national, cuti bersama, or the tenant's own).
    public var holiday: Holiday
    /// The decree that sets the day, e.g. the joint ministerial decree (SKB) for that year.
    public var decree: String

    /// Creates a record.
    public init(holiday: Holiday, decree: String) {
        self.holiday = holiday
        self.decree = decree
    }
}
