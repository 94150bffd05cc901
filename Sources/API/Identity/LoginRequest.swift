/// `POST /v1/tenants/{slug}/sessions` and `POST /v1/admin/sessions`.
struct LoginRequest: Decodable {
    /// NIP (spaces allowed) or e-mail.
    let login: String
    let password: String
}
