import Foundation
import HTTP
import Kinerja
import Persistence

/// Who may touch the organisation, decided by `AccessPolicy` through the `Authenticator` — the
/// one place for authorization (architecture.md, "Security"). Every route makes exactly one
/// call here before anything else.
struct OrganisationAccess {
    let auth: Authenticator
    let assignments: AssignmentStore
    let organisation: OrganisationStore

    /// A caller allowed to change the tenant's organisation (tenant admin, BKPSDM).
    func manager(_ request: Request) throws -> Caller {
        let who = try auth.require(request, .manageOrganisation)
        return Caller(principal: who, tenant: try who.tenant())
    }

    /// A caller allowed to bulk-import.
    func importer(_ request: Request) throws -> Caller {
        let who = try auth.require(request, .importData)
        return Caller(principal: who, tenant: try who.tenant())
    }

    /// A caller allowed to see and verify the audit log.
    func auditor(_ request: Request) throws -> Caller {
        let who = try auth.require(request, .viewAuditLog)
        return Caller(principal: who, tenant: try who.tenant())
    }

    /// Any signed-in user of the tenant: the structure (perangkat daerah, units, jabatan) is
    /// public inside a regency.
    func member(_ request: Request) throws -> Caller {
        let who = try auth.require(request, .viewOwnProfile)
        return Caller(principal: who, tenant: try who.tenant())
    }

    /// A caller allowed to see `employee`: the employee themself, their evaluator or the
    /// evaluator's superior (on today's date), the pengelola kinerja of their perangkat daerah,
    /// or a tenant admin. Another tenant's employee is a 404.
    func viewer(_ request: Request, of employee: UUID) throws -> Caller {
        let who = try auth.principal(request)
        let tenant = try who.tenant()
        let today = try self.today(tenant)
        let standing = try assignments.standing(tenant: tenant, of: employee, on: today)
        let facts = AccessFacts(targetTenantID: tenant, targetEmployeeID: employee, targetPerangkatDaerahID: standing.perangkatDaerahID,
                                isEvaluatorOfTarget: who.employeeID != nil && standing.evaluatorID == who.employeeID,
                                isEvaluatorsSuperiorOfTarget: who.employeeID != nil && standing.evaluatorSuperiorID == who.employeeID)
        try auth.authorize(who, .viewEmployee, facts)
        return Caller(principal: who, tenant: tenant)
    }

    /// Today in the tenant's time zone (WIB or WITA).
    func today(_ tenant: UUID) throws -> CivilDate {
        CivilDate(instant: Date(), in: try organisation.timeZone(tenant: tenant))
    }
}

/// An authorized caller and their tenant.
struct Caller {
    let principal: Principal
    let tenant: UUID

    /// How the audit log names the caller.
    var actor: AuditActor { .user(principal.userID) }
}
