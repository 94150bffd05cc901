/// What a one-time token is for. Both end by the user setting a password.
public enum OneTimeTokenKind: String, Sendable {
    /// First login of a user created by an admin.
    case invitation
    /// A password reset issued by an admin.
    case passwordReset = "password_reset"
}
