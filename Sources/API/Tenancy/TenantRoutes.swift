import HTTP
import Kinerja
import Persistence

/// Public routes about tenants (regencies).
struct TenantRoutes {
    let tenants: TenantStore

    func register(on router: Router) {
        router.get("/v1/tenants/:slug") { request in try show(request) }
    }

    /// `GET /v1/tenants/{slug}`: the public facts of an active regency, for the login screen.
    func show(_ request: Request) throws -> Response {
        let slug = request.parameter("slug") ?? ""
        guard Tenant.isValidSlug(slug), let tenant = try tenants.activeTenant(slug: slug) else {
            throw Problem.notFound("Kabupaten dengan kode \"\(String(slug.prefix(64)))\" tidak ditemukan.")
        }
        return try Response.json(TenantSummary(tenant))
    }
}

/// What anyone may know about a tenant; central admins also see whether it is active.
struct TenantSummary: Encodable {
    let id: String
    let slug: String
    let name: String
    let province: String
    let timeZone: String
    /// Only in central admins' views (nil is left out of the JSON).
    let active: Bool?

    init(_ tenant: Tenant, showsStatus: Bool = false) {
        id = tenant.id.uuidString.lowercased()
        slug = tenant.slug
        name = tenant.name
        province = tenant.province
        timeZone = tenant.timeZone
        active = showsStatus ? tenant.active : nil
    }
}
