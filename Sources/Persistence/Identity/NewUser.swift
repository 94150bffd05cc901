import Foundation
import Kinerja

/// What a tenant admin gives to create a user; validated by the API before it gets here.
public struct NewUser: Sendable {
    public var nip: String?
    public var email: String?
    public var name: String
    public var employeeID: UUID?
    /// Roles to grant: `.tenantAdmin`, `.pengelolaKinerja(...)`; others are ignored.
    public var roles: [Role]

    public init(nip: String?, email: String?, name: String, employeeID: UUID? = nil, roles: [Role] = []) {
        self.nip = nip
        self.email = email
        self.name = name
        self.employeeID = employeeID
        self.roles = roles
    }
}
