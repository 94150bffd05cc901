/// Time units an SKP target may be expressed in.
public enum SKPTimeUnit: String, Sendable, Codable, CaseIterable, Hashable {
    /// Minutes.
    case menit
    /// Hours.
    case jam
    /// Days.
    case hari
    /// Weeks.
    case minggu
    /// Months.
    case bulan
    /// Quarters.
    case triwulan
    /// Half-years.
    case semester
    /// Years.
    case tahun
}
