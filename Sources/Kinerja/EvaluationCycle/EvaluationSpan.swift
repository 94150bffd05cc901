/// The civil dates of a period to open, from what the tenant admin asks and the rule set's cadence.
///
/// Annual: the whole year. Periodic: the month, quarter or half year of the cadence
/// (`$.periodicEvaluation.cadence`) that holds the date asked, given as `month` (monthly),
/// `quarter` (quarterly) or `startsOn` (any cadence). A request that does not fit the cadence is
/// refused, naming the cadence's article.
public enum EvaluationSpan {
    /// What was asked.
    public struct Request: Sendable, Equatable, Codable {
        /// Periodic or annual.
        public var kind: EvaluationPeriodKind
        /// The year.
        public var year: Int
        /// Monthly cadence: 1–12.
        public var month: Int?
        /// Quarterly cadence: 1–4.
        public var quarter: Int?
        /// Any cadence: a date inside the period (must be its first day).
        public var startsOn: CivilDate?

        /// Creates a request.
        public init(kind: EvaluationPeriodKind, year: Int, month: Int? = nil, quarter: Int? = nil, startsOn: CivilDate? = nil) {
            self.kind = kind
            self.year = year
            self.month = month
            self.quarter = quarter
            self.startsOn = startsOn
        }
    }

    /// The period asked for under `periodic` (the rule set's periodic-evaluation section).
    public static func period(for request: Request, periodic: RuleSet.PeriodicEvaluation)
        throws(EvaluationRefusal) -> EvaluationPeriod {
        guard (2000...2100).contains(request.year), let january = CivilDate(year: request.year, month: 1, day: 1) else {
            throw .invalidSpan("Tahun harus di antara 2000 dan 2100.", basis: nil)
        }
        if request.kind == .annual {
            guard request.month == nil, request.quarter == nil, request.startsOn == nil || request.startsOn == january else {
                throw .invalidSpan("Periode tahunan meliputi seluruh tahun: jangan isi bulan, triwulan atau tanggal lain.",
                                   basis: nil)
            }
            return EvaluationPeriod(containing: january, cadence: .annual)
        }
        let cadence = periodic.cadence
        guard cadence != .annual else {
            throw .invalidSpan("Aturan tenant tidak menetapkan evaluasi periodik di bawah satu tahun; buka periode tahunan.",
                               basis: periodic.basis)
        }
        let given = [request.month != nil, request.quarter != nil, request.startsOn != nil].filter { $0 }.count
        guard given == 1 else {
            throw .invalidSpan("Isi tepat satu dari month, quarter atau startsOn untuk periode \(cadence.indonesianName).",
                               basis: periodic.basis)
        }
        let date: CivilDate
        if let month = request.month {
            guard cadence == .monthly else {
                throw .invalidSpan("Evaluasi periodik tenant ini \(cadence.indonesianName), bukan bulanan.", basis: periodic.basis)
            }
            guard let first = CivilDate(year: request.year, month: month, day: 1) else {
                throw .invalidSpan("Bulan harus di antara 1 dan 12.", basis: nil)
            }
            date = first
        } else if let quarter = request.quarter {
            guard cadence == .quarterly else {
                throw .invalidSpan("Evaluasi periodik tenant ini \(cadence.indonesianName), bukan triwulanan.", basis: periodic.basis)
            }
            guard (1...4).contains(quarter), let first = CivilDate(year: request.year, month: quarter * 3 - 2, day: 1) else {
                throw .invalidSpan("Triwulan harus di antara 1 dan 4.", basis: nil)
            }
            date = first
        } else {
            date = request.startsOn ?? january
        }
        let period = EvaluationPeriod(containing: date, cadence: cadence)
        guard period.start == date, date.year == request.year else {
            throw .invalidSpan("Periode \(cadence.indonesianName) dimulai \(period.start), bukan \(date).", basis: periodic.basis)
        }
        return period
    }
}

extension RuleSet.Cadence {
    /// "bulanan", "triwulanan", …
    public var indonesianName: String {
        switch self {
        case .monthly: "bulanan"
        case .quarterly: "triwulanan"
        case .semiannual: "semesteran"
        case .annual: "tahunan"
        }
    }
}
