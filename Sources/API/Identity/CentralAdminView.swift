import Persistence

/// A central admin.
struct CentralAdminView: Encodable {
    let id: String
    let email: String
    let name: String
    let mustChangePassword: Bool

    init(_ admin: CentralAdminRecord) {
        id = admin.id.uuidString.lowercased()
        email = admin.email
        name = admin.name
        mustChangePassword = admin.mustChangePassword
    }
}
