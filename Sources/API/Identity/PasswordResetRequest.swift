/// `POST /v1/password-resets`.
struct PasswordResetRequest: Decodable {
    let token: String
    let newPassword: String
}
