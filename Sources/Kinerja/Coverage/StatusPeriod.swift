import Foundation

/// A period during which an employee holds a status that may exempt them.
public struct StatusPeriod: Sendable, Equatable, Codable {
    /// The status.
    public var status: EmploymentStatus
    /// First day, inclusive.
    public var from: CivilDate
    /// Last day, inclusive; `nil` while it lasts.
    public var until: CivilDate?

    /// Creates a period.
    public init(status: EmploymentStatus, from: CivilDate, until: CivilDate? = nil) {
        self.status = status
        self.from = from
        self.until = until
    }

    /// Whether the period includes `date`.
    public func contains(_ date: CivilDate) -> Bool {
        from <= date && (until.map { date <= $0 } ?? true)
    }
}
