import Kinerja

/// Dates as Indonesian documents print them: `31 Januari 2025` in signature blocks and
/// `1 JANUARI SD 31 DESEMBER TAHUN 2025` in the period line (documents.md §0).
public enum IndonesianDate {
    /// Month names, January first.
    public static let monthNames = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
                                    "Agustus", "September", "Oktober", "November", "Desember"]

    /// The name of month 1–12.
    public static func monthName(_ month: Int) -> String {
        monthNames[min(max(month, 1), 12) - 1]
    }

    /// `31 Januari 2025`.
    public static func long(_ date: CivilDate) -> String {
        "\(date.day) \(monthName(date.month)) \(date.year)"
    }

    /// `31 Januari` (no year).
    public static func dayAndMonth(_ date: CivilDate) -> String {
        "\(date.day) \(monthName(date.month))"
    }
}
