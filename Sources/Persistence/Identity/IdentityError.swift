import Kinerja

/// Why an identity operation was refused. The API maps each case to a problem.
public enum IdentityError: Error, Sendable, Equatable {
    /// Another user of the tenant already logs in with this NIP or e-mail (`field`: nip, email, employeeId).
    case duplicate(field: String)
    /// The new password breaks the policy.
    case passwordRejected([PasswordPolicy.Violation])
    /// The current password given for a change is wrong.
    case wrongCurrentPassword
    /// The one-time token is unknown, expired or used.
    case invalidOneTimeToken
    /// The user does not exist in the tenant.
    case userNotFound
    /// The e-mail address is malformed.
    case invalidEmail
}
