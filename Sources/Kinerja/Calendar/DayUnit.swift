/// Whether a window of days counts every calendar day or only working days.
public enum DayUnit: String, Sendable, Codable, CaseIterable, Hashable {
    /// Every day counts (PP 30/2019 Pasal 59: "14 hari").
    case calendar
    /// Only working days count (Perbup Tanah Laut 2024 Pasal 35: "14 hari kerja").
    case working

    /// "hari kalender" or "hari kerja".
    public var indonesianName: String {
        switch self {
        case .calendar: "hari kalender"
        case .working: "hari kerja"
        }
    }
}
