import Foundation
import Kinerja
import Postgres

extension IdentityStore {
    /// Creates a central admin. For the operator's `kinerja` CLI: the app role cannot insert
    /// central admins, so `pool` must connect as the schema owner (the migration's URL).
    /// The password must meet `PasswordPolicy`. Returns the new admin's id.
    public func createCentralAdmin(email: String, password: String, name: String = "Admin Pusat") throws -> UUID {
        guard let address = LoginName.normalisedEmail(email) else { throw IdentityError.invalidEmail }
        let violations = PasswordPolicy.violations(password, nip: nil, email: address)
        guard violations.isEmpty else { throw IdentityError.passwordRejected(violations) }
        let id = try IdentityID.make()
        let hash = try hasher.hash(password)
        do {
            try pool.transaction { connection in
                _ = try connection.execute("""
                    INSERT INTO central_admins (id, email, name, password_hash) VALUES (\(id), \(address), \(name), \(hash))
                    """)
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw IdentityError.duplicate(field: "email")
        }
        return id
    }

    /// The central admin `id`, or nil.
    public func centralAdmin(id: UUID) throws -> CentralAdminRecord? {
        try pool.withConnection { connection in
            let rows = try connection.query(
                "SELECT id, email, name, active, must_change_password FROM central_admins WHERE id = \(id)")
            return try rows.first.map { row in
                let (id, email, name, active, mustChange) = try row.decode((UUID, String, String, Bool, Bool).self)
                return CentralAdminRecord(id: id, email: email, name: name, active: active, mustChangePassword: mustChange)
            }
        }
    }
}
