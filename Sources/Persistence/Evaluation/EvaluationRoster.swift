import Foundation
import Kinerja
import Postgres

/// Who a new period evaluates, computed in Swift from two set-based reads: every employee with a
/// post in the period (their last post in it decides the place, the date of coverage and of the
/// evaluator), and the organisation overlapping the period for `PejabatPenilaiResolver`.
struct EvaluationRoster {
    struct Row {
        var id: UUID
        var employee: UUID
        var skp: UUID?
        var evaluator: UUID?
        var superior: UUID?
        var perangkatDaerah: UUID?
        var unitKerja: UUID?
        var group: UUID
        var status: String
        var reasons: String?
    }

    var scope: RuleSet.DistributionScope
    var groups: [UUID]
    var rows: [Row]
    var coverage: CoverageTally

    static func load(on c: PostgresConnection, tenant: UUID, span: EvaluationPeriod, ruleSet: RuleSet, at: Date) throws -> EvaluationRoster {
        let start = span.start.description, end = span.end.description
        // The last post held in the period (definitive before acting on the same day); its last day
        // in the period is the reference date. Employees who left the service are not evaluated.
        let people = try c.query("""
            WITH post AS (
                SELECT DISTINCT ON (a.employee_id) a.employee_id, j.unit_kerja_id, u.perangkat_daerah_id,
                       least(\(end)::date, coalesce(a.valid_until, \(end)::date)) AS ref
                  FROM assignments a
                  JOIN jabatan j ON j.tenant_id = a.tenant_id AND j.id = a.jabatan_id
                  JOIN unit_kerja u ON u.tenant_id = j.tenant_id AND u.id = j.unit_kerja_id
                 WHERE a.valid_from <= \(end)::date AND (a.valid_until IS NULL OR a.valid_until >= \(start)::date)
                 ORDER BY a.employee_id, least(\(end)::date, coalesce(a.valid_until, \(end)::date)) DESC,
                          (a.kind = 'definitif') DESC, a.valid_from DESC
            ), plan AS (
                SELECT DISTINCT ON (s.employee_id) s.employee_id, s.id
                  FROM skp s
                 WHERE s.year = \(span.start.year) AND s.start_month <= \(span.end.month)
                   AND EXISTS (SELECT 1 FROM skp_revisions r
                                WHERE r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.approved_at IS NOT NULL)
                 ORDER BY s.employee_id, s.start_month DESC
            )
            SELECT e.id, e.type, e.status, e.managed_by_instansi_pembina, post.unit_kerja_id, post.perangkat_daerah_id,
                   post.ref::text, plan.id
              FROM post
              JOIN employees e ON e.tenant_id = current_tenant_id() AND e.id = post.employee_id
              LEFT JOIN plan ON plan.employee_id = e.id
             WHERE e.status <> 'berhenti'
             ORDER BY e.id
            """).map { try $0.decode((UUID, String, String, Bool, UUID, UUID, String, UUID?).self) }
        // Names are left out: the explanations are not stored, only who evaluates.
        let resolver = PejabatPenilaiResolver(snapshot: try AssignmentStore.snapshot(on: c, from: span.start, until: span.end,
                                                                                    names: false))
        let grouping = EvaluationGrouping(ruleSet: ruleSet)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var rows: [Row] = []
        rows.reserveCapacity(people.count)
        var groups = Set<UUID>()
        var coverage = CoverageTally()
        for (employee, type, status, pembina, unitKerja, perangkatDaerah, refText, skp) in people {
            let ref = CivilDate(iso: refText) ?? span.end
            // Statuses are current, not dated: one that holds now is taken to hold over the period,
            // as the SKP report does (SKPStore+Reports).
            var statuses: [StatusPeriod] = []
            if let exempt = EmploymentStatus(rawValue: status) { statuses.append(StatusPeriod(status: exempt, from: span.start)) }
            if pembina { statuses.append(StatusPeriod(status: .fungsionalInstansiPembina, from: span.start)) }
            let decision = CoverageCheck.check(CoverageQuestion(employeeType: EmployeeType(rawValue: type) ?? .pns,
                                                                statuses: statuses, on: ref), ruleSet: ruleSet).value
            coverage.add(decision)
            guard let group = grouping.groupID(tenant: tenant, perangkatDaerah: perangkatDaerah, unitKerja: unitKerja) else { continue }
            groups.insert(group)
            let resolution = resolver.resolve(employee, on: ref)
            rows.append(Row(id: UUID.timeOrdered(at: at), employee: employee, skp: skp,
                            evaluator: resolution.evaluator?.employeeID, superior: resolution.evaluatorSuperior?.employeeID,
                            perangkatDaerah: perangkatDaerah, unitKerja: unitKerja, group: group,
                            status: decision.obliged ? EvaluationStatus.pending.rawValue : EvaluationStatus.excluded.rawValue,
                            reasons: decision.obliged ? nil : String(decoding: try encoder.encode(decision.reasons), as: UTF8.self)))
        }
        return EvaluationRoster(scope: grouping.scope, groups: groups.sorted { $0.uuidString < $1.uuidString }, rows: rows,
                                coverage: coverage)
    }
}
