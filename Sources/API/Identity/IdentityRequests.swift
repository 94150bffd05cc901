// Request bodies of the identity API.

/// `POST /v1/tenants/{slug}/sessions` and `POST /v1/admin/sessions`.
struct LoginRequest: Decodable {
    /// NIP (spaces allowed) or e-mail.
    let login: String
    let password: String
}

/// `PUT /v1/me/password`.
struct PasswordChangeRequest: Decodable {
    let currentPassword: String
    let newPassword: String
}

/// `POST /v1/password-resets`.
struct PasswordResetRequest: Decodable {
    let token: String
    let newPassword: String
}

/// A role in a request body.
struct RoleGrant: Decodable {
    let role: String
    let perangkatDaerahId: String?
}

/// `PATCH /v1/users/{id}`.
struct UpdateUserRequest: Decodable {
    let name: String?
    let active: Bool?
    let roles: [RoleGrant]?
}

/// `POST /v1/users`.
struct CreateUserRequest: Decodable {

    let nip: String?
    let email: String?
    let name: String
    let employeeId: String?
    let roles: [RoleGrant]?
}
