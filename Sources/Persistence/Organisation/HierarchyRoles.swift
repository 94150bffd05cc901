import Foundation
import Postgres

/// Whether an employee may be a pejabat penilai or an atasan pejabat penilai today, from the
/// posts they hold and the overrides naming them — one indexed query, cheap enough to run on
/// every authenticated request.
///
/// This says who *can* act in the role, not over whom: `AccessPolicy` grants nothing on a
/// derived role alone; it also needs the relation to the target (`isEvaluatorOfTarget`,
/// resolved precisely by `AssignmentStore.standing`). So a Pengawas whose subordinate posts are
/// all vacant still carries the role, harmlessly.
public struct HierarchyRoles: Sendable, Equatable {
    /// Holds a post of at least Pengawas level (definitively or as Plt/Plh), or is named
    /// evaluator by an override in force.
    public var mayEvaluate: Bool
    /// Holds a JPT or Administrator post: the level above Pengawas that evaluators report to.
    public var mayBeEvaluatorsSuperior: Bool

    /// Creates a value.
    public init(mayEvaluate: Bool, mayBeEvaluatorsSuperior: Bool) {
        self.mayEvaluate = mayEvaluate
        self.mayBeEvaluatorsSuperior = mayBeEvaluatorsSuperior
    }
}

extension AssignmentStore {
    /// The hierarchy roles of `employeeID` today in the tenant's time zone.
    public func hierarchyRoles(tenant: UUID, employeeID: UUID) throws -> HierarchyRoles {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let row = try c.query("""
                WITH today AS (SELECT (now() AT TIME ZONE time_zone)::date AS d FROM tenants WHERE id = \(tenant))
                SELECT coalesce(bool_or(j.kind IN ('jpt', 'administrator', 'pengawas')), false)
                           OR EXISTS (SELECT 1 FROM evaluator_overrides o, today
                                       WHERE o.evaluator_employee_id = \(employeeID) AND o.valid_from <= today.d
                                         AND (o.valid_until IS NULL OR o.valid_until >= today.d)),
                       coalesce(bool_or(j.kind IN ('jpt', 'administrator')), false)
                  FROM assignments a JOIN jabatan j ON j.id = a.jabatan_id, today
                 WHERE a.employee_id = \(employeeID) AND a.valid_from <= today.d AND (a.valid_until IS NULL OR a.valid_until >= today.d)
                """).first
            let (evaluates, superior) = try row?.decode((Bool, Bool).self) ?? (false, false)
            return HierarchyRoles(mayEvaluate: evaluates, mayBeEvaluatorsSuperior: superior)
        }
    }
}
