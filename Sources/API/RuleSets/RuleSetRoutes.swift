import Foundation
import HTTP
import Kinerja
import Persistence

/// The rules that apply, for the users of one tenant (tenant admins above all): the published
/// versions and the one in force. Drafts are central admins' work and stay on `/v1/admin`.
struct RuleSetRoutes {
    let ruleSets: RuleSetStore
    let registry: TenantRegistryStore
    let auth: Authenticator
    let now: @Sendable () -> Date

    func register(on router: Router) {
        router.get("/v1/rule-sets") { request in try list(request) }
        router.get("/v1/rule-sets/in-force") { request in try inForce(request) }
    }

    /// `GET /v1/rule-sets`: the caller's tenant's published versions, without documents.
    func list(_ request: Request) throws -> Response {
        let tenant = try auth.require(request, .viewRuleSets).tenant()
        let published = try ruleSets.versions(tenant: tenant).filter { $0.version.status == .published }
        return try .json(RuleSetVersionList(items: published.map { RuleSetVersionView($0, withDocument: false) }))
    }

    /// `GET /v1/rule-sets/in-force?on=YYYY-MM-DD` (default: today in the tenant's zone), with the document.
    func inForce(_ request: Request) throws -> Response {
        let id = try auth.require(request, .viewRuleSets).tenant()
        guard let tenant = try registry.tenant(id: id) else { throw Problem.notFound("Kabupaten tidak ditemukan.") }
        let date = try RuleSetAdminRoutes.date(request, default: tenant.civilDate(at: now()))
        guard let stored = try ruleSets.inForce(tenant: id, on: date) else {
            throw Problem.notFound("Tidak ada versi aturan yang berlaku pada \(date).")
        }
        return try .json(RuleSetVersionView(stored))
    }
}
