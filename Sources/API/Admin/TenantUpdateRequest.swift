/// `PATCH /v1/admin/tenants/{slug}`.
struct TenantUpdateRequest: Decodable {
    let name: String?
    let province: String?
    let timeZone: String?
}
