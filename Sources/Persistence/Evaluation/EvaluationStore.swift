import Foundation
import Kinerja
import Postgres

/// The evaluation cycle (migration 0015): periods, distribution groups and one evaluation per
/// employee and period. Every write runs in one tenant transaction with its audit entry; the
/// finalising one also queues the document jobs through `documents`.
///
/// The objection and follow-up features read and write the same tables; they should use
/// `find(tenant:id:)`, `evaluations(tenant:period:…)` and `markReceived(tenant:id:at:)` here.
public struct EvaluationStore: Sendable {
    let pool: PostgresPool
    let documents: EvaluationDocumentQueue

    /// A store over `pool`, queueing document jobs through `documents`.
    public init(pool: PostgresPool, documents: EvaluationDocumentQueue) {
        self.pool = pool
        self.documents = documents
    }

    /// Opens a period: one distribution group per scope of the rule set and one evaluation per
    /// employee with a post in the period — `pending` when obliged, `excluded` with the coverage
    /// reasons when not — with the evaluator, the superior and the approved SKP fixed now.
    ///
    /// Set-based for a regency of 15,000: two reads (the roster, the organisation), coverage and
    /// evaluators computed in Swift, then one multi-row insert per table through `unnest`.
    /// Opening the same kind of period with the same start again answers `periodExists`.
    public func openPeriod(tenant: UUID, kind: EvaluationPeriodKind, span: EvaluationPeriod, ruleSet: RuleSet,
                           ruleSetVersion: String, by person: UUID?, actor: AuditActor, at: Date) throws -> EvaluationOpening {
        do {
            return try pool.transaction(tenant: tenant) { c in
                if let existing = try c.query("""
                    SELECT id FROM evaluation_periods WHERE kind = \(kind.rawValue) AND starts_on = \(span.start.description)::date
                    """).first {
                    throw EvaluationStoreError.periodExists(existing: try existing.decode(UUID.self, at: 0))
                }
                let period = EvaluationPeriodRecord(
                    id: UUID.timeOrdered(at: at), kind: kind, cadence: span.cadence, year: span.start.year,
                    startsOn: span.start, endsOn: span.end, ruleSetVersion: ruleSetVersion, model: ruleSet.evaluation.model,
                    openedBy: person, openedAt: at)
                try c.query("""
                    INSERT INTO evaluation_periods (tenant_id, id, kind, cadence, year, starts_on, ends_on, rule_set_version,
                                                    model, opened_by, opened_at)
                    VALUES (\(tenant), \(period.id), \(kind.rawValue), \(span.cadence.rawValue), \(period.year),
                            \(span.start.description)::date, \(span.end.description)::date, \(ruleSetVersion),
                            \(ruleSet.evaluation.model.rawValue), \(person), \(at))
                    """)
                let roster = try EvaluationRoster.load(on: c, tenant: tenant, span: span, ruleSet: ruleSet, at: at)
                try c.query("""
                    INSERT INTO evaluation_groups (tenant_id, period_id, scope, scope_id)
                    SELECT current_tenant_id(), \(period.id), \(roster.scope.rawValue), g FROM unnest(\(roster.groups)::uuid[]) g
                    """)
                let rows = roster.rows
                try c.query("""
                    INSERT INTO evaluations (tenant_id, id, period_id, employee_id, skp_id, evaluator_id, evaluator_superior_id,
                                             perangkat_daerah_id, unit_kerja_id, group_id, status, excluded_reasons,
                                             created_at, updated_at)
                    SELECT current_tenant_id(), t.id, \(period.id), t.employee, t.skp, t.evaluator, t.superior, t.pd, t.uk,
                           t.grp, t.status, t.reasons::jsonb, \(at), \(at)
                      FROM unnest(\(rows.map(\.id))::uuid[], \(rows.map(\.employee))::uuid[], \(rows.map(\.skp))::uuid[],
                                  \(rows.map(\.evaluator))::uuid[], \(rows.map(\.superior))::uuid[],
                                  \(rows.map(\.perangkatDaerah))::uuid[], \(rows.map(\.unitKerja))::uuid[],
                                  \(rows.map(\.group))::uuid[], \(rows.map(\.status))::text[], \(rows.map(\.reasons))::text[])
                           AS t(id, employee, skp, evaluator, superior, pd, uk, grp, status, reasons)
                    """)
                let opening = EvaluationOpening(period: period, groups: roster.groups.count, coverage: roster.coverage)
                try AuditLog.append(try AuditChange(action: "open", entity: "evaluation_period", id: period.id,
                                                    before: EvaluationOpening?.none, after: opening),
                                    tenant: tenant, actor: actor, at: at, on: c)
                return opening
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            // Two openings raced past the check above; the loser names the winner's period.
            let existing = try pool.transaction(tenant: tenant, readOnly: true) { c in
                try c.query("""
                    SELECT id FROM evaluation_periods WHERE kind = \(kind.rawValue) AND starts_on = \(span.start.description)::date
                    """).first?.decode(UUID.self, at: 0)
            }
            guard let existing else { throw error }
            throw EvaluationStoreError.periodExists(existing: existing)
        }
    }
}
