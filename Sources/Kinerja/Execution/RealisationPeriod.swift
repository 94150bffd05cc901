/// The documentation period of a realisation: the period of the tenant's periodic-evaluation
/// cadence that contains the date given (BKPSDM sets the documentation period to match the
/// evaluation period, Perbup Tanah Laut 2024 Pasal 14 ayat (4)).
public enum RealisationPeriod {
    /// The period containing `date` under `cadence`, for an SKP of `year` from `startMonth`, as of
    /// `today`: the date must fall in the SKP's months, and the period must have begun.
    public static func period(containing date: CivilDate, cadence: RuleSet.Cadence, year: Int, startMonth: Int,
                              today: CivilDate) throws(ExecutionError) -> EvaluationPeriod {
        guard date.year == year, date.month >= startMonth else {
            throw .invalid([SKPValidationProblem(pointer: "/period", code: "outside-skp",
                                                 message: "Tanggal periode harus berada dalam masa SKP (bulan \(startMonth)–12 tahun \(year)).",
                                                 basis: ExecutionBasis.realisation)])
        }
        let period = EvaluationPeriod(containing: date, cadence: cadence)
        guard !(today < period.start) else {
            throw .invalid([SKPValidationProblem(pointer: "/period", code: "period-not-started",
                                                 message: "Periode \(period.start)–\(period.end) belum dimulai.",
                                                 basis: ExecutionBasis.realisation)])
        }
        return period
    }
}
