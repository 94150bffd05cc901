import Foundation

/// Who is making a request: an authenticated user and what they are. Built by the API from a
/// bearer token; decisions about it are made by `AccessPolicy` alone.
public struct Principal: Sendable, Equatable {
    /// The tenant user's id, or the central admin's id.
    public var userID: UUID
    /// The tenant the user belongs to; nil for central admins.
    public var tenantID: UUID?
    /// The employee record the user is, when they are one.
    public var employeeID: UUID?
    /// Granted and derived roles.
    public var roles: Set<Role>

    public init(userID: UUID, tenantID: UUID?, employeeID: UUID? = nil, roles: Set<Role>) {
        self.userID = userID
        self.tenantID = tenantID
        self.employeeID = employeeID
        self.roles = roles
    }

    /// Whether the principal has `role`.
    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// Whether the principal is a central (platform) admin.
    public var isCentralAdmin: Bool { tenantID == nil && roles.contains(.centralAdmin) }

    /// The perangkat daerah the principal manages as pengelola kinerja.
    public var managedPerangkatDaerah: Set<UUID> {
        Set(roles.compactMap { role in
            if case .pengelolaKinerja(let id) = role { return id }
            return nil
        })
    }
}
