import Foundation
import Persistence

/// A tenant user.
struct UserView: Encodable {
    let id: String
    let nip: String?
    let email: String?
    let name: String
    let active: Bool
    let mustChangePassword: Bool
    /// False while the invitation is open.
    let passwordSet: Bool
    let employeeId: String?
    let roles: [RoleView]
    let createdAt: Date

    init(_ user: UserRecord) {
        id = user.id.uuidString.lowercased()
        nip = user.nip
        email = user.email
        name = user.name
        active = user.active
        mustChangePassword = user.mustChangePassword
        passwordSet = user.hasPassword
        employeeId = user.employeeID?.uuidString.lowercased()
        roles = RoleView.list(user.grantedRoles)
        createdAt = user.createdAt
    }
}
