/// A periodic evaluation period: the civil dates it spans under a cadence.
public struct EvaluationPeriod: Sendable, Equatable, Codable {
    /// The cadence.
    public var cadence: RuleSet.Cadence
    /// First day, inclusive.
    public var start: CivilDate
    /// Last day, inclusive.
    public var end: CivilDate

    /// The period of `cadence` that contains `date` (months, quarters and halves start in January).
    public init(containing date: CivilDate, cadence: RuleSet.Cadence) {
        let months: Int = switch cadence {
        case .monthly: 1
        case .quarterly: 3
        case .semiannual: 6
        case .annual: 12
        }
        let firstMonth = (date.month - 1) / months * months + 1
        let lastMonth = firstMonth + months - 1
        self.cadence = cadence
        start = CivilDate(year: date.year, month: firstMonth, day: 1) ?? date
        end = (CivilDate(year: date.year, month: lastMonth, day: 1) ?? date).endOfMonth
    }

    /// The period right after this one.
    public var next: EvaluationPeriod {
        EvaluationPeriod(containing: end.adding(days: 1), cadence: cadence)
    }
}
