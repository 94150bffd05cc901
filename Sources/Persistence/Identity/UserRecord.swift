import Foundation
import Kinerja

/// A tenant user as stored, with the roles granted to them.
public struct UserRecord: Sendable, Equatable {
    public var id: UUID
    public var tenantID: UUID
    public var nip: String?
    public var email: String?
    public var name: String
    public var active: Bool
    public var mustChangePassword: Bool
    /// Whether the user has set a password (false while the invitation is open).
    public var hasPassword: Bool
    public var employeeID: UUID?
    /// Granted roles only (tenant admin, pengelola kinerja).
    public var grantedRoles: [Role]
    public var createdAt: Date
}
