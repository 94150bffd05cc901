/// `POST /v1/admin/tenants`.
struct TenantOnboardRequest: Decodable {
    let slug: String
    let name: String
    let province: String
    let timeZone: String
}
