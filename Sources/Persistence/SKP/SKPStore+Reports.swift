import Foundation
import Kinerja
import Postgres

extension SKPStore {
    /// Whose SKP of `year` is missing, not approved after the deadline, or approved late, as of
    /// `asOf` (the perangkat daerah of each employee is that of their post on `asOf`). Employees
    /// the rule set's coverage exempts on the deadline are not counted; the report says how many
    /// and why. Employees who left the service (`berhenti`) are not considered.
    public func missingReport(tenant: UUID, year: Int, perangkatDaerah: UUID?, ruleSet: RuleSet,
                              asOf: CivilDate) throws -> SKPMissingReport? {
        guard let deadline = SKPCheck.deadline(forYear: year, ruleSet: ruleSet)?.value else { return nil }
        let deadlineEnd = deadline.endInstant(in: ruleSet.resolvedTimeZone)
        let deadlinePassed = asOf > deadline
        let rows = try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT e.id, e.name, e.nip, e.type, e.status, e.managed_by_instansi_pembina, post.perangkat_daerah_id,
                       plan.plans, plan.first_approved
                  FROM employees e
                  LEFT JOIN LATERAL (
                        SELECT u.perangkat_daerah_id
                          FROM assignments a
                          JOIN jabatan j ON j.tenant_id = a.tenant_id AND j.id = a.jabatan_id
                          JOIN unit_kerja u ON u.tenant_id = j.tenant_id AND u.id = j.unit_kerja_id
                         WHERE a.tenant_id = e.tenant_id AND a.employee_id = e.id
                           AND a.valid_from <= \(asOf.description)::date AND (a.valid_until IS NULL OR a.valid_until >= \(asOf.description)::date)
                         ORDER BY (a.kind = 'definitif') DESC, a.valid_from DESC
                         LIMIT 1) post ON true
                  LEFT JOIN LATERAL (
                        SELECT count(DISTINCT s.id)::int AS plans, min(r.approved_at) AS first_approved
                          FROM skp s
                          JOIN skp_revisions r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id
                         WHERE s.tenant_id = e.tenant_id AND s.employee_id = e.id AND s.year = \(year)) plan ON true
                 WHERE e.status <> 'berhenti'
                   AND (\(perangkatDaerah)::uuid IS NULL OR post.perangkat_daerah_id = \(perangkatDaerah))
                 ORDER BY e.name, e.id
                """).map { row in
                try row.decode((UUID, String, String, String, String, Bool, UUID?, Int?, Date?).self)
            }
        }

        var obliged = 0, onTime = 0
        var entries: [SKPMissingReport.Entry] = []
        var exclusions: [String: SKPMissingReport.Exclusion] = [:]
        var excluded = 0
        let yearStart = CivilDate(year: year, month: 1, day: 1) ?? deadline
        for (id, name, nip, type, status, pembina, perangkat, plans, firstApproved) in rows {
            var statuses: [StatusPeriod] = []
            if let exempt = EmploymentStatus(rawValue: status) {
                statuses.append(StatusPeriod(status: exempt, from: yearStart))
            }
            if pembina { statuses.append(StatusPeriod(status: .fungsionalInstansiPembina, from: yearStart)) }
            let question = CoverageQuestion(employeeType: EmployeeType(rawValue: type) ?? .pns, statuses: statuses, on: deadline)
            let decision = CoverageCheck.check(question, ruleSet: ruleSet).value
            guard decision.obliged else {
                excluded += 1
                for reason in decision.reasons {
                    let key = reason.code.rawValue + "|" + (reason.basis?.description ?? "")
                    exclusions[key, default: .init(code: reason.code.rawValue, basis: reason.basis?.description, count: 0,
                                                   example: reason.message)].count += 1
                }
                continue
            }
            obliged += 1
            let finding: SKPMissingReport.Finding?
            if (plans ?? 0) == 0 {
                finding = .missing
            } else if let approved = firstApproved {
                finding = approved > deadlineEnd ? .approvedLate : nil
            } else {
                finding = deadlinePassed ? .notApproved : nil
            }
            if let finding {
                entries.append(.init(employeeID: id, name: name, nip: nip, perangkatDaerahID: perangkat, finding: finding))
            } else if firstApproved != nil {
                onTime += 1
            }
        }
        return SKPMissingReport(year: year, deadline: deadline, deadlineBasis: ruleSet.skp.deadline.basis.description,
                                obliged: obliged, onTime: onTime, entries: entries, excluded: excluded,
                                exclusions: exclusions.values.sorted { ($0.code, $0.basis ?? "") < ($1.code, $1.basis ?? "") })
    }

    /// The RHK cascade of `year`'s current revisions (at most 1,000 entries per list).
    public func linkageReport(tenant: UUID, year: Int, perangkatDaerah: UUID?) throws -> RHKLinkageReport {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            func entries(_ rows: PostgresRows) throws -> [RHKLinkageReport.Entry] {
                try rows.map { row in
                    let (skp, employee, rhk, text, reason) = try row.decode((UUID, UUID, UUID, String, String).self)
                    return .init(skpID: skp, employeeID: employee, rhkID: rhk, text: text, reason: reason)
                }
            }
            let without = try entries(try c.query("""
                SELECT s.id, s.employee_id, r.id, r.text, 'no-subordinate'
                  FROM skp s
                  JOIN skp_rhk r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.current_revision
                 WHERE s.year = \(year)
                   AND (\(perangkatDaerah)::uuid IS NULL OR s.perangkat_daerah_id = \(perangkatDaerah))
                   AND EXISTS (SELECT 1 FROM skp sub WHERE sub.tenant_id = s.tenant_id AND sub.year = \(year)
                                                       AND sub.evaluator_id = s.employee_id)
                   AND NOT EXISTS (SELECT 1 FROM skp cs
                                     JOIN skp_rhk c ON c.tenant_id = cs.tenant_id AND c.skp_id = cs.id
                                                   AND c.revision = cs.current_revision
                                    WHERE cs.tenant_id = s.tenant_id AND c.superior_rhk_id = r.id)
                 ORDER BY s.employee_id, r.position
                 LIMIT 1000
                """))
            let unlinked = try entries(try c.query("""
                SELECT s.id, s.employee_id, r.id, r.text,
                       CASE WHEN r.superior_rhk_id IS NULL THEN 'unlinked' ELSE 'dangling' END
                  FROM skp s
                  JOIN skp_rhk r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.current_revision
                 WHERE s.year = \(year)
                   AND (\(perangkatDaerah)::uuid IS NULL OR s.perangkat_daerah_id = \(perangkatDaerah))
                   AND ((r.superior_rhk_id IS NULL AND r.perjanjian_kinerja IS NULL)
                        OR (r.superior_rhk_id IS NOT NULL AND NOT EXISTS (
                              SELECT 1 FROM skp ps
                                JOIN skp_rhk p ON p.tenant_id = ps.tenant_id AND p.skp_id = ps.id
                                              AND p.revision = ps.current_revision
                               WHERE ps.tenant_id = s.tenant_id AND p.id = r.superior_rhk_id)))
                 ORDER BY s.employee_id, r.position
                 LIMIT 1000
                """))
            return RHKLinkageReport(year: year, withoutSubordinates: without, unlinked: unlinked)
        }
    }
}
