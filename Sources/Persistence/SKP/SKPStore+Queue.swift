import Foundation
import Kinerja
import Postgres

extension SKPStore {
    /// The plans waiting on `person`: as evaluator of plans in `status` (for `escalated`, as the
    /// evaluator's superior), ordered by id, `limit` (1–200) after the id `after`.
    public func queue(tenant: UUID, for person: UUID, status: SKPStatus, after: UUID?, limit: Int) throws -> SKPPage<SKPSummary> {
        let limit = min(max(limit, 1), 200)
        let column = status == .escalated ? "evaluator_superior_id" : "evaluator_id"
        return try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT s.id, s.employee_id, e.name, e.nip, s.year, s.start_month, s.current_revision, r.status, s.updated_at
                  FROM skp s
                  JOIN skp_revisions r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id AND r.revision = s.current_revision
                  JOIN employees e ON e.tenant_id = s.tenant_id AND e.id = s.employee_id
                 WHERE s.\(unescaped: column) = \(person) AND r.status = \(status.rawValue)
                   AND (\(after)::uuid IS NULL OR s.id > \(after))
                 ORDER BY s.id
                 LIMIT \(limit + 1)
                """)
            var items = try rows.map { row in
                let (id, employee, name, nip, year, start, revision, status, updated) =
                    try row.decode((UUID, UUID, String, String, Int, Int, Int, String, Date).self)
                return SKPSummary(id: id, employeeID: employee, employeeName: name, nip: nip, year: year, startMonth: start,
                                  revision: revision, status: SKPStatus(rawValue: status) ?? .draft, updatedAt: updated)
            }
            var next: UUID?
            if items.count > limit {
                items.removeLast()
                next = items.last?.id
            }
            return SKPPage(items: items, nextAfter: next)
        }
    }
}
