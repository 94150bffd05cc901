import Foundation
import Kinerja
import Postgres

/// The facts of an evaluation period (migration 0015) that follow-up and dashboards need.
public struct EvaluationPeriodInfo: Sendable, Equatable, Encodable {
    /// The period.
    public var id: String
    /// periodic or annual.
    public var kind: String
    /// monthly, quarterly, semiannual or annual.
    public var cadence: String
    /// The year.
    public var year: Int
    /// First day.
    public var startsOn: String
    /// Last day.
    public var endsOn: String
    /// quadrant or weighted.
    public var model: String
    /// The rule-set version fixed at opening.
    public var ruleSetVersion: String

    /// Whether this is the annual period.
    public var isAnnual: Bool { kind == "annual" }
    /// The first day as a civil date.
    public var start: CivilDate { CivilDate(iso: startsOn) ?? CivilDate(daysSinceEpoch: 0) }
    /// The last day as a civil date.
    public var end: CivilDate { CivilDate(iso: endsOn) ?? CivilDate(daysSinceEpoch: 0) }
    /// The period in words for exports: `2026 tahunan` or `2026-01-01 s.d. 2026-03-31`.
    public var label: String { isAnnual ? "\(year) tahunan" : "\(startsOn) s.d. \(endsOn)" }

    /// The period, or nil (another tenant's period is invisible under row-level security).
    static func load(_ id: UUID, on c: PostgresConnection) throws -> EvaluationPeriodInfo? {
        try c.query("""
            SELECT kind, cadence, year, starts_on, ends_on, model, rule_set_version FROM evaluation_periods WHERE id = \(id)
            """).first.map { row in
            let (kind, cadence, year, starts, ends, model, version) =
                try row.decode((String, String, Int, PostgresDate, PostgresDate, String, String).self)
            return EvaluationPeriodInfo(id: id.uuidString.lowercased(), kind: kind, cadence: cadence, year: year,
                                        startsOn: starts.description, endsOn: ends.description, model: model,
                                        ruleSetVersion: version)
        }
    }
}
