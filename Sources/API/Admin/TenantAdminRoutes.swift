import Foundation
import HTTP
import Kinerja
import Persistence

/// Tenant administration by central admins (issue 3 item 1): onboard, update, deactivate, list,
/// and create a tenant's first users (its BKPSDM admin).
struct TenantAdminRoutes {
    let registry: TenantRegistryStore
    let identities: IdentityStore
    let auth: Authenticator
    let configuration: IdentityConfiguration
    let idempotency: Idempotency

    /// The zones of Indonesia (WIB, WITA, WIT); the database checks the same list.
    static let timeZones: Set<String> = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]

    func register(on router: Router) {
        router.post("/v1/admin/tenants", bodyLimit: 4096, idempotency.wrap { request in try onboard(request) })
        router.get("/v1/admin/tenants") { request in try list(request) }
        router.patch("/v1/admin/tenants/:slug", bodyLimit: 4096) { request in try update(request) }
        router.post("/v1/admin/tenants/:slug/deactivate", bodyLimit: 1024) { request in try deactivate(request) }
        router.post("/v1/admin/tenants/:slug/users", bodyLimit: 16 * 1024, idempotency.wrap(.withoutSecrets) { request in try createUser(request) })
    }

    /// `POST /v1/admin/tenants`.
    func onboard(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageTenants)
        let body = try request.decode(TenantOnboardRequest.self)
        var errors: [Problem.FieldError] = []
        if !Tenant.isValidSlug(body.slug) {
            errors.append(.init(pointer: "/slug", code: "invalid_slug",
                                message: "Kode 2–63 karakter: huruf kecil, angka, tanda hubung; diawali huruf."))
        }
        let fields = Self.validate(name: body.name, province: body.province, timeZone: body.timeZone, errors: &errors)
        guard errors.isEmpty, let name = fields.name, let province = fields.province, let zone = fields.timeZone else {
            throw Problem.validation(errors)
        }
        let tenant = try registry.onboard(slug: body.slug, name: name, province: province, timeZone: zone,
                                          actor: admin.auditActor)
        return try .json(TenantSummary(tenant, showsStatus: true), status: .created)
    }

    /// `PATCH /v1/admin/tenants/{slug}`: name, province and time zone; the slug never changes.
    func update(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageTenants)
        let body = try request.decode(TenantUpdateRequest.self)
        var errors: [Problem.FieldError] = []
        let fields = Self.validate(name: body.name, province: body.province, timeZone: body.timeZone, errors: &errors)
        guard errors.isEmpty else { throw Problem.validation(errors) }
        let tenant = try registry.update(slug: request.parameter("slug") ?? "", name: fields.name,
                                         province: fields.province, timeZone: fields.timeZone, actor: admin.auditActor)
        return try .json(TenantSummary(tenant, showsStatus: true))
    }

    /// `POST /v1/admin/tenants/{slug}/deactivate`: logins and tokens of its users stop working.
    func deactivate(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageTenants)
        return try .json(TenantSummary(registry.deactivate(slug: request.parameter("slug") ?? "", actor: admin.auditActor), showsStatus: true))
    }

    /// `GET /v1/admin/tenants?limit=&cursor=`: all tenants, inactive ones too, by slug.
    func list(_ request: Request) throws -> Response {
        _ = try auth.require(request, .manageTenants)
        let limit = try PageCursor.limit(request)
        let after = try request.query("cursor").map(PageCursor.decode)
        let tenants = try registry.list(afterSlug: after, limit: limit + 1)
        let page = Array(tenants.prefix(limit))
        let next = tenants.count > limit ? page.last.map { PageCursor.encode($0.slug) } : nil
        return try .json(Page(items: page.map { TenantSummary($0, showsStatus: true) }, nextCursor: next))
    }

    /// `POST /v1/admin/tenants/{slug}/users`: a central admin creates a user of the tenant, usually
    /// its first BKPSDM admin (`roles: [{role: tenant_admin}]`); the invitation token is returned.
    func createUser(_ request: Request) throws -> Response {
        let principal = try auth.principal(request)
        guard let tenant = try registry.tenant(slug: request.parameter("slug") ?? ""), tenant.active else {
            throw Problem.notFound("Kabupaten tidak ditemukan.")
        }
        try auth.authorize(principal, .manageUsers, .tenant(tenant.id))
        let new = try UserRoutes.newUser(try request.decode(CreateUserRequest.self))
        return try UserRoutes.created(identities.createUser(tenantID: tenant.id, new, grantedBy: nil, actor: principal.auditActor,
                                                           invitationTTLSeconds: configuration.invitationTTLSeconds))
    }

    /// Trims and checks the optional fields; appends errors for bad ones.
    static func validate(name: String?, province: String?, timeZone: String?,
                         errors: inout [Problem.FieldError]) -> (name: String?, province: String?, timeZone: String?) {
        let name = name?.trimmingCharacters(in: .whitespacesAndNewlines)
        let province = province?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.isEmpty || name.count > 200 {
            errors.append(.init(pointer: "/name", code: "invalid_length", message: "Nama 1–200 karakter."))
        }
        if let province, province.isEmpty || province.count > 100 {
            errors.append(.init(pointer: "/province", code: "invalid_length", message: "Provinsi 1–100 karakter."))
        }
        if let timeZone, !timeZones.contains(timeZone) {
            errors.append(.init(pointer: "/timeZone", code: "invalid_time_zone",
                                message: "Zona waktu harus Asia/Jakarta (WIB), Asia/Makassar (WITA) atau Asia/Jayapura (WIT)."))
        }
        return (name, province, timeZone)
    }
}
