import HTTP
import Persistence

/// `GET /v1/audit/verify`: walks the tenant's audit hash chain and names the first broken entry.
struct AuditRoutes {
    let log: AuditLog
    let access: OrganisationAccess

    func register(on router: Router) {
        router.get("/v1/audit/verify") { try verify($0) }
    }

    func verify(_ request: Request) throws -> Response {
        let caller = try access.auditor(request)
        return try .json(AuditVerificationView(log.verify(tenant: caller.tenant)))
    }
}
