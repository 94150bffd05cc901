import Testing
@testable import Kinerja

@Suite("Evaluation periods by cadence")
struct EvaluationSpanTests {
    static func periodic(_ cadence: RuleSet.Cadence) -> RuleSet.PeriodicEvaluation {
        RuleSet.PeriodicEvaluation(cadence: cadence, basis: LegalBasis(regulation: "Perbup Uji", article: "Pasal 1"))
    }

    @Test("the span of what was asked", arguments: [
        // cadence, kind, year, month, quarter, startsOn, expected start, expected end
        (RuleSet.Cadence.monthly, EvaluationPeriodKind.periodic, 2026, 3, nil, nil, "2026-03-01", "2026-03-31"),
        (.monthly, .periodic, 2024, 2, nil, nil, "2024-02-01", "2024-02-29"),
        (.monthly, .periodic, 2026, nil, nil, "2026-12-01", "2026-12-01", "2026-12-31"),
        (.quarterly, .periodic, 2026, nil, 2, nil, "2026-04-01", "2026-06-30"),
        (.quarterly, .periodic, 2026, nil, nil, "2026-10-01", "2026-10-01", "2026-12-31"),
        (.semiannual, .periodic, 2026, nil, nil, "2026-07-01", "2026-07-01", "2026-12-31"),
        (.monthly, .annual, 2026, nil, nil, nil, "2026-01-01", "2026-12-31"),
        (.annual, .annual, 2025, nil, nil, "2025-01-01", "2025-01-01", "2025-12-31"),
    ] as [(RuleSet.Cadence, EvaluationPeriodKind, Int, Int?, Int?, String?, String, String)])
    func span(cadence: RuleSet.Cadence, kind: EvaluationPeriodKind, year: Int, month: Int?, quarter: Int?, startsOn: String?,
              start: String, end: String) throws {
        let request = EvaluationSpan.Request(kind: kind, year: year, month: month, quarter: quarter, startsOn: startsOn.map(day))
        let period = try EvaluationSpan.period(for: request, periodic: Self.periodic(cadence))
        #expect(period.start == day(start))
        #expect(period.end == day(end))
        #expect(period.cadence == (kind == .annual ? .annual : cadence))
    }

    @Test("requests that do not fit the cadence are refused, citing it", arguments: [
        // cadence, kind, year, month, quarter, startsOn, cites the cadence's article
        (RuleSet.Cadence.quarterly, EvaluationPeriodKind.periodic, 2026, 3, nil, nil, true),   // a month under a quarterly cadence
        (.monthly, .periodic, 2026, nil, 1, nil, true),                                         // a quarter under a monthly cadence
        (.quarterly, .periodic, 2026, nil, nil, "2026-02-01", true),                            // not a quarter's first day
        (.monthly, .periodic, 2026, nil, nil, nil, true),                                       // nothing said
        (.monthly, .periodic, 2026, 3, nil, "2026-03-01", true),                                // two things said
        (.annual, .periodic, 2026, nil, nil, "2026-01-01", true),                               // no periodic cadence
        (.monthly, .periodic, 2026, 13, nil, nil, false),
        (.quarterly, .periodic, 2026, nil, 5, nil, false),
        (.monthly, .annual, 2026, 3, nil, nil, false),
        (.monthly, .periodic, 1999, 3, nil, nil, false),
        (.monthly, .periodic, 2026, nil, nil, "2027-01-01", true),                              // another year
    ] as [(RuleSet.Cadence, EvaluationPeriodKind, Int, Int?, Int?, String?, Bool)])
    func refused(cadence: RuleSet.Cadence, kind: EvaluationPeriodKind, year: Int, month: Int?, quarter: Int?, startsOn: String?,
                 citesCadence: Bool) {
        let request = EvaluationSpan.Request(kind: kind, year: year, month: month, quarter: quarter, startsOn: startsOn.map(day))
        do {
            _ = try EvaluationSpan.period(for: request, periodic: Self.periodic(cadence))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.code == "evaluation-period-invalid")
            #expect((error.basis?.regulation == "Perbup Uji") == citesCadence)
        }
    }
}
