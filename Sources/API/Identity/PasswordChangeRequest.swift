/// `PUT /v1/me/password`.
struct PasswordChangeRequest: Decodable {
    let currentPassword: String
    let newPassword: String
}
