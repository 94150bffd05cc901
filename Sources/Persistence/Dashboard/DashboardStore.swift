import Foundation
import Kinerja
import Postgres

/// Dashboards over a period (issue 5 item 7): each figure one grouped statement over the period's
/// evaluations (index `evaluations_group`: tenant, period, group, status), in one read-only
/// snapshot so the figures agree with each other.
public struct DashboardStore: Sendable {
    let pool: PostgresPool

    /// A store over `pool` (the application's connection).
    public init(pool: PostgresPool) { self.pool = pool }

    /// The dashboard of `period` for the tenant, or for one perangkat daerah (by the evaluations'
    /// snapshot of where employees sat when the period opened). `distribution` gives the rule set's
    /// distribution settings (nil in the weighted model); `now` decides what is overdue.
    public func dashboard(tenant: UUID, period id: UUID, perangkatDaerah: UUID?, distribution: RuleSet.Distribution?,
                          now: Date) throws -> PeriodDashboard {
        try pool.transaction(tenant: tenant, isolation: .repeatableRead, readOnly: true) { c in
            guard let period = try EvaluationPeriodInfo.load(id, on: c) else { throw FollowUpStoreError.periodNotFound }
            var statuses: [String: Int] = [:]
            for row in try c.query("""
                SELECT ev.status, count(*)::int FROM evaluations ev
                 WHERE ev.period_id = \(id) AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                 GROUP BY ev.status
                """) {
                let (status, count) = try row.decode((String, Int).self)
                statuses[status] = count
            }
            // The best SKP state of the year per obliged employee: approved if any revision ever was. The
            // year's plans are summarised first (index skp_year), then matched to the evaluations.
            var skp: [String: Int] = [:]
            for row in try c.query("""
                WITH plan AS (
                    SELECT s.employee_id, bool_or(r.approved_at IS NOT NULL) AS approved,
                           bool_or(r.status IN ('submitted', 'reviewed', 'escalated') AND r.revision = s.current_revision) AS waiting
                      FROM skp s
                      JOIN skp_revisions r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id
                     WHERE s.year = \(period.year)
                     GROUP BY s.employee_id)
                SELECT CASE WHEN plan.approved THEN 'approved' WHEN plan.waiting THEN 'submitted'
                            WHEN plan.employee_id IS NOT NULL THEN 'draft' ELSE 'missing' END, count(*)::int
                  FROM evaluations ev
                  LEFT JOIN plan ON plan.employee_id = ev.employee_id
                 WHERE ev.period_id = \(id) AND ev.status <> 'excluded'
                   AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                 GROUP BY 1
                """) {
                let (state, count) = try row.decode((String, Int).self)
                skp[state] = count
            }
            let obliged = statuses.filter { $0.key != "excluded" }.map(\.value).reduce(0, +)

            // Groups the scope's evaluations count in, each with all its members' predikat.
            var groups: [UUID: (scope: String, capaian: String?, finalised: Bool, counts: [ResultPredikat: Int])] = [:]
            for row in try c.query("""
                SELECT g.scope_id, g.scope, g.capaian, g.finalised_at IS NOT NULL, m.predikat, count(m.id)::int
                  FROM evaluation_groups g
                  LEFT JOIN evaluations m ON m.tenant_id = g.tenant_id AND m.period_id = g.period_id AND m.group_id = g.scope_id
                                         AND m.status IN ('rated', 'final')
                 WHERE g.period_id = \(id)
                   AND EXISTS (SELECT 1 FROM evaluations ev
                                WHERE ev.tenant_id = g.tenant_id AND ev.period_id = g.period_id AND ev.group_id = g.scope_id
                                  AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah)))
                 GROUP BY 1, 2, 3, 4, 5
                 ORDER BY 1
                 LIMIT 10000
                """) {
                let (group, scopeName, capaian, finalised, predikat, count) =
                    try row.decode((UUID, String, String?, Bool, String?, Int).self)
                var entry = groups[group] ?? (scopeName, capaian, finalised, [:])
                if let predikat = predikat.flatMap(ResultPredikat.init(rawValue:)) { entry.counts[predikat, default: 0] += count }
                groups[group] = entry
            }
            let distributionReport = groups.sorted { $0.key.uuidString < $1.key.uuidString }.map { group, entry in
                GroupDistribution(groupID: group.uuidString.lowercased(), scope: entry.scope,
                                  capaian: entry.capaian.flatMap(CapaianKinerjaOrganisasi.init(rawValue:)),
                                  finalised: entry.finalised, counts: entry.counts,
                                  settings: period.model == "quadrant" ? distribution : nil)
            }

            let objections = try c.query("""
                SELECT count(*) FILTER (WHERE o.status = 'filed')::int,
                       count(*) FILTER (WHERE o.status = 'filed' AND o.decision_due_at < \(now))::int,
                       count(*) FILTER (WHERE o.status = 'decided')::int
                  FROM objections o
                  JOIN evaluations ev ON ev.tenant_id = o.tenant_id AND ev.id = o.evaluation_id
                 WHERE ev.period_id = \(id) AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                """).first?.decode((Int, Int, Int).self) ?? (0, 0, 0)

            let overdue = try c.query("""
                SELECT ev.evaluator_id, e.nip, e.name, count(*)::int, min(ev.assessment_due_at), sum(count(*)) OVER ()::int
                  FROM evaluations ev
                  JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.evaluator_id
                 WHERE ev.period_id = \(id) AND ev.status IN ('pending', 'submitted') AND ev.assessment_due_at < \(now)
                   AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                 GROUP BY ev.evaluator_id, e.nip, e.name
                 ORDER BY count(*) DESC, min(ev.assessment_due_at), ev.evaluator_id
                 LIMIT 100
                """).map { try $0.decode((UUID, String, String, Int, Date, Int).self) }

            return PeriodDashboard(
                period: period, scope: perangkatDaerah == nil ? "tenant" : "perangkat-daerah",
                perangkatDaerahID: perangkatDaerah?.uuidString.lowercased(), asOf: now,
                skp: .init(obliged: obliged, approved: skp["approved"] ?? 0, submitted: skp["submitted"] ?? 0,
                           draft: skp["draft"] ?? 0, missing: skp["missing"] ?? 0),
                evaluations: .init(pending: statuses["pending"] ?? 0, submitted: statuses["submitted"] ?? 0,
                                   rated: statuses["rated"] ?? 0, final: statuses["final"] ?? 0,
                                   excluded: statuses["excluded"] ?? 0),
                distribution: distributionReport,
                objections: .init(open: objections.0, overdue: objections.1, decided: objections.2),
                overdueEvaluators: overdue.map { .init(evaluatorID: $0.0.uuidString.lowercased(), nip: $0.1, name: $0.2,
                                                       overdue: $0.3, oldestDueAt: $0.4) },
                overdueAssessments: overdue.first?.5 ?? 0,
                excluded: try ExclusionSummary.load(period: id, perangkatDaerah: perangkatDaerah, on: c))
        }
    }
}
