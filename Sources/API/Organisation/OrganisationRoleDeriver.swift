import Kinerja
import Persistence

/// The roles the hierarchy derives for a signed-in employee (Authenticator's `RoleDeriver`):
/// pejabat penilai and atasan pejabat penilai (domain.md, "Who evaluates whom").
struct OrganisationRoleDeriver {
    let assignments: AssignmentStore

    func derive(_ principal: Principal) throws -> Set<Role> {
        guard let tenant = principal.tenantID, let employee = principal.employeeID else { return [] }
        let roles = try assignments.hierarchyRoles(tenant: tenant, employeeID: employee)
        var derived: Set<Role> = []
        if roles.mayEvaluate { derived.insert(.pejabatPenilai) }
        if roles.mayBeEvaluatorsSuperior { derived.insert(.atasanPejabatPenilai) }
        return derived
    }
}
