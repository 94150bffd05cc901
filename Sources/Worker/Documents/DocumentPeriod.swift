import Kinerja

/// The period a document covers and the caption printed under its title.
public struct DocumentPeriod: Sendable, Hashable {
    /// The caption `PERIODE: …` of an evaluation (documents.md §4: `TRIWULAN I/II/III/IV-AKHIR`,
    /// `BULAN JANUARI` for monthly periods).
    public enum Caption: Sendable, Hashable {
        /// A month, 1–12 (Perbup Tanah Laut 2024 Pasal 22 ayat (2): monthly evaluation).
        case bulan(Int)
        /// A quarter, 1–4.
        case triwulan(Int)
        /// A half year, 1–2.
        case semester(Int)
        /// The annual evaluation.
        case akhir

        /// `TRIWULAN I`, `BULAN JANUARI`, `SEMESTER II`, `AKHIR`.
        public var text: String {
            switch self {
            case .bulan(let month): "BULAN " + IndonesianDate.monthName(month).uppercased()
            case .triwulan(let quarter): "TRIWULAN " + Self.roman(quarter)
            case .semester(let half): "SEMESTER " + Self.roman(half)
            case .akhir: "AKHIR"
            }
        }

        private static func roman(_ number: Int) -> String {
            ["I", "II", "III", "IV"][min(max(number, 1), 4) - 1]
        }
    }

    /// First day, inclusive.
    public var start: CivilDate
    /// Last day, inclusive.
    public var end: CivilDate
    /// The caption of an evaluation period.
    public var caption: Caption

    /// A period with an explicit caption.
    public init(start: CivilDate, end: CivilDate, caption: Caption) {
        self.start = start
        self.end = end
        self.caption = caption
    }

    /// The period of a domain `EvaluationPeriod`; an annual period is captioned `AKHIR`.
    public init(_ period: EvaluationPeriod) {
        let caption: Caption = switch period.cadence {
        case .monthly: .bulan(period.start.month)
        case .quarterly: .triwulan((period.start.month - 1) / 3 + 1)
        case .semiannual: .semester((period.start.month - 1) / 6 + 1)
        case .annual: .akhir
        }
        self.init(start: period.start, end: period.end, caption: caption)
    }

    /// The whole of `year`, captioned `AKHIR` (the SKP's period and the annual evaluation).
    public static func year(_ year: Int) -> DocumentPeriod {
        // Both dates exist in every year the calendar accepts.
        let start = CivilDate(year: year, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0)
        return DocumentPeriod(start: start, end: CivilDate(year: start.year, month: 12, day: 31) ?? start,
                              caption: .akhir)
    }

    /// Whether this is the annual period (an annual rather than a periodic evaluation).
    public var isAnnual: Bool { caption == .akhir }

    /// `PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025` (documents.md §0, [V S1]).
    public var penilaianLine: String {
        let from = IndonesianDate.dayAndMonth(start).uppercased()
        let to = IndonesianDate.dayAndMonth(end).uppercased()
        if start.year == end.year {
            return "PERIODE PENILAIAN: \(from) SD \(to) TAHUN \(end.year)"
        }
        return "PERIODE PENILAIAN: \(from) \(start.year) SD \(to) \(end.year)"
    }

    /// `PERIODE: TRIWULAN I` under an evaluation's title.
    public var captionLine: String { "PERIODE: " + caption.text }

    /// `1 Januari s.d. 31 Maret 2025`, for lists and the public verification answer.
    public var label: String {
        start.year == end.year
            ? "\(IndonesianDate.dayAndMonth(start)) s.d. \(IndonesianDate.long(end))"
            : "\(IndonesianDate.long(start)) s.d. \(IndonesianDate.long(end))"
    }
}
