/// A day of the week, Sunday first (index 0), as `CivilDate.weekday` counts.
public enum Weekday: String, Sendable, Codable, CaseIterable {
    /// The seven days, Minggu (Sunday) to Sabtu (Saturday).
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// Whether this is Saturday or Sunday: Perpres 21/2023 sets five working days, Monday–Friday.
    public var isWeekend: Bool { self == .saturday || self == .sunday }

    /// The Indonesian name, for explanations.
    public var indonesianName: String {
        switch self {
        case .sunday: "Minggu"
        case .monday: "Senin"
        case .tuesday: "Selasa"
        case .wednesday: "Rabu"
        case .thursday: "Kamis"
        case .friday: "Jumat"
        case .saturday: "Sabtu"
        }
    }
}
