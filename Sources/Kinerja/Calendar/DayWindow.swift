/// A number of calendar or working days with its legal basis.
public struct DayWindow: Sendable, Equatable, Codable {
    /// How many days.
    public var days: Int
    /// Calendar or working days.
    public var unit: DayUnit
    /// Where the window comes from.
    public var basis: LegalBasis

    /// Creates a window.
    public init(days: Int, unit: DayUnit, basis: LegalBasis) {
        self.days = days
        self.unit = unit
        self.basis = basis
    }
}
