import Kinerja

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
