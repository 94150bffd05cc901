import Foundation
import Kinerja
import Persistence

// JSON shapes of the identity API (see openapi.json). Field names in English, camelCase.

/// A role as the API shows it.
struct RoleView: Encodable, Equatable {
    let role: String
    let perangkatDaerahId: String?

    init(_ role: Role) {
        self.role = role.code
        if case .pengelolaKinerja(let id) = role { perangkatDaerahId = id.uuidString.lowercased() } else { perangkatDaerahId = nil }
    }

    /// Roles in a stable order.
    static func list(_ roles: some Sequence<Role>) -> [RoleView] {
        roles.map(RoleView.init).sorted { ($0.role, $0.perangkatDaerahId ?? "") < ($1.role, $1.perangkatDaerahId ?? "") }
    }
}

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

/// The answer to a successful login.
struct SessionView: Encodable {
    let token: String
    let tokenType = "Bearer"
    let expiresAt: Date
    let me: MeView
}

/// Who the caller is: `GET /v1/me`, and part of the login answer.
struct MeView: Encodable {
    /// `tenant_user` or `central_admin`.
    let kind: String
    let user: UserView?
    let centralAdmin: CentralAdminView?
    let tenant: TenantSummary?
    /// Granted roles and, for employees, `pegawai`. Derived roles (pejabat penilai, atasan) are
    /// added once the organisation module computes them.
    let roles: [RoleView]
}

/// A one-time token handed to the admin until the worker e-mails it.
struct OneTimeTokenView: Encodable {
    let kind: String
    let token: String
    let expiresAt: Date
    /// `returned_to_admin`: no e-mail was sent; the admin passes the token on.
    let delivery = "returned_to_admin"
    let note = "Token ini hanya ditampilkan sekali. Pengiriman e-mail otomatis belum tersedia; "
        + "sampaikan token kepada pengguna melalui saluran resmi. Pengguna memakainya di POST /v1/password-resets."

    init(_ issued: IssuedOneTimeToken) {
        kind = issued.kind.rawValue
        token = issued.token.value
        expiresAt = issued.expiresAt
    }
}

/// A page of a list with the opaque cursor of the next page.
struct Page<Item: Encodable>: Encodable {
    let items: [Item]
    /// `null` on the last page (written out, so clients need not test for absence).
    let nextCursor: String?

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
