import Kinerja

/// A tenant as central admins see it.
struct TenantAdminView: Encodable {
    let id: String
    let slug: String
    let name: String
    let province: String
    let timeZone: String
    let active: Bool

    init(_ tenant: Tenant) {
        id = tenant.id.uuidString.lowercased()
        slug = tenant.slug
        name = tenant.name
        province = tenant.province
        timeZone = tenant.timeZone
        active = tenant.active
    }
}
