import Kinerja
import Postgres

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
    /// A referenced record (`field`: employeeId, roles) does not exist in the tenant.
    case unknownReference(field: String)

    /// The identity meaning of a constraint the database refused, or nil when it has none here.
    static func refused(_ error: PostgresError) -> IdentityError? {
        switch (error.kind, error.constraintName) {
        case (.uniqueViolation, "users_tenant_nip_key"): .duplicate(field: "nip")
        case (.uniqueViolation, "users_tenant_email_key"): .duplicate(field: "email")
        case (.uniqueViolation, "users_tenant_employee_key"): .duplicate(field: "employeeId")
        // migrations/0013_identity_foreign_keys.sql
        case (.foreignKeyViolation, "users_employee_fkey"): .unknownReference(field: "employeeId")
        case (.foreignKeyViolation, "user_roles_perangkat_daerah_fkey"): .unknownReference(field: "roles")
        default: nil
        }
    }
}
