import Foundation

/// A user as the audit log records it: who they are and what they may do, never a password hash.
struct AuditedUser: Encodable {
    let nip: String?
    let email: String?
    let name: String
    let active: Bool
    let employeeId: String?
    let roles: [String]

    init(_ user: UserRecord) {
        nip = user.nip
        email = user.email
        name = user.name
        active = user.active
        employeeId = user.employeeID?.uuidString.lowercased()
        roles = user.grantedRoles.map { role in
            if case .pengelolaKinerja(let pd) = role { return role.code + ":" + pd.uuidString.lowercased() }
            return role.code
        }.sorted()
    }
}
