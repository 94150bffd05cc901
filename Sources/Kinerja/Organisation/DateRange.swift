/// An inclusive range of civil dates, open-ended when `until` is nil. Assignments and overrides
/// are date ranges so that history stays answerable.
public struct DateRange: Sendable, Hashable, Codable {
    /// First day.
    public var from: CivilDate
    /// Last day; nil while it lasts.
    public var until: CivilDate?

    /// A range; nil when `until` is before `from`.
    public init?(from: CivilDate, until: CivilDate?) {
        if let until, until < from { return nil }
        self.from = from
        self.until = until
    }

    /// Whether `date` lies inside.
    public func contains(_ date: CivilDate) -> Bool {
        from <= date && (until.map { date <= $0 } ?? true)
    }

    /// Whether the two ranges share a day.
    public func overlaps(_ other: DateRange) -> Bool {
        let endsBeforeOther = until.map { $0 < other.from } ?? false
        let otherEndsBefore = other.until.map { $0 < from } ?? false
        return !endsBeforeOther && !otherEndsBefore
    }

    /// `YYYY-MM-DD s.d. YYYY-MM-DD` or `sejak YYYY-MM-DD`.
    public var indonesianDescription: String {
        until.map { "\(from) s.d. \($0)" } ?? "sejak \(from)"
    }
}
