import Kinerja

/// Changes a tenant admin makes to a user; nil leaves a field as it is.
public struct UserChanges: Sendable {
    public var name: String?
    /// false deactivates: the user cannot log in and every session ends.
    public var active: Bool?
    /// Replaces the granted roles (`.tenantAdmin`, `.pengelolaKinerja`) when given.
    public var roles: [Role]?

    public init(name: String? = nil, active: Bool? = nil, roles: [Role]? = nil) {
        self.name = name
        self.active = active
        self.roles = roles
    }
}
