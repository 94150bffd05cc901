import HTTP
import Kinerja
import Persistence
import Runtime

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
        return .bytes(Array(TenantSummary(tenant).json.utf8), contentType: "application/json")
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

    /// The same document as `Response.json(self)` (sorted keys), written by hand: this is the
    /// public one-row endpoint of the benchmark (issue 2, `scripts/bench/http`), where
    /// `JSONEncoder` measured 12.6 % of the API's CPU per request (`perf record -g`, wrk -c64).
    var json: String {
        var out = "{"
        if let active { out += "\"active\":\(active)," }
        out += "\"id\":"
        JSONText.appendString(id, to: &out)
        out += ",\"name\":"
        JSONText.appendString(name, to: &out)
        out += ",\"province\":"
        JSONText.appendString(province, to: &out)
        out += ",\"slug\":"
        JSONText.appendString(slug, to: &out)
        out += ",\"timeZone\":"
        JSONText.appendString(timeZone, to: &out)
        out += "}"
        return out
    }
}
