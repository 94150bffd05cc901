import Foundation
import Kinerja
import Postgres
import Runtime

extension IdentityStore {
    /// Changes the password of `subject` after checking `current`, and ends every other session
    /// (the one of `keepingTokenHash` stays), so a thief holding an old token is locked out.
    public func changePassword(_ subject: SessionSubject, current: String, new: String, keepingTokenHash: String?) throws {
        let stored = try withSubject(subject) { connection -> (hash: String?, nip: String?, email: String?) in
            let rows: PostgresRows
            switch subject {
            case .tenantUser(_, let id):
                rows = try connection.query("SELECT password_hash, nip, email FROM users WHERE id = \(id)")
            case .centralAdmin(let id):
                rows = try connection.query("SELECT password_hash, NULL::text, email FROM central_admins WHERE id = \(id)")
            }
            guard let row = rows.first else { throw IdentityError.userNotFound }
            let (hash, nip, email) = try row.decode((String?, String?, String?).self)
            return (hash, nip, email)
        }
        // PBKDF2 runs outside the transaction: no connection is held for a second of hashing.
        guard let hash = stored.hash, hasher.verify(current, against: hash).isMatch else {
            throw IdentityError.wrongCurrentPassword
        }
        let violations = PasswordPolicy.violations(new, nip: stored.nip, email: stored.email)
        guard violations.isEmpty else { throw IdentityError.passwordRejected(violations) }
        let newHash = try hasher.hash(new)
        try withSubject(subject) { connection in
            switch subject {
            case .tenantUser(_, let id):
                _ = try connection.execute("""
                    UPDATE users SET password_hash = \(newHash), must_change_password = false,
                                     password_changed_at = now(), updated_at = now()
                     WHERE id = \(id)
                    """)
            case .centralAdmin(let id):
                _ = try connection.execute("""
                    UPDATE central_admins SET password_hash = \(newHash), must_change_password = false,
                                              password_changed_at = now(), updated_at = now()
                     WHERE id = \(id)
                    """)
            }
            _ = try Self.revokeAll(subject, keeping: keepingTokenHash, on: connection)
            if case .tenantUser(let tenantID, let id) = subject {
                try AuditLog.append(AuditChange(action: "change-password", entity: "user", entityID: id.uuidString.lowercased(),
                                                before: nil, after: nil),
                                    tenant: tenantID, actor: .user(id), at: Date(), on: connection)
            }
        }
    }

    /// Sets a new password with an invitation or reset token and consumes the token, in one
    /// transaction: a refused password leaves the token usable. Every session of the user ends.
    /// Returns the user's subject.
    @discardableResult
    public func completeOneTimeToken(_ token: OpaqueToken, newPassword: String) throws -> SessionSubject {
        // Hash first (outside the transaction); the policy check needs the user and comes after.
        let newHash = try hasher.hash(newPassword)
        let hash = token.hash
        return try pool.transaction { connection in
            let rows = try connection.query("SELECT kind, tenant_id, user_id FROM one_time_token_consume(\(hash))")
            guard let row = rows.first else { throw IdentityError.invalidOneTimeToken }
            let (_, tenantID, userID) = try row.decode((String, UUID, UUID).self)
            // From here on, row-level security applies to the token's tenant.
            try connection.setLocal("app.tenant_id", to: tenantID.uuidString.lowercased())
            guard let user = try connection.query("SELECT nip, email FROM users WHERE id = \(userID) AND active").first else {
                throw IdentityError.invalidOneTimeToken
            }
            let (nip, email) = try user.decode((String?, String?).self)
            let violations = PasswordPolicy.violations(newPassword, nip: nip, email: email)
            guard violations.isEmpty else { throw IdentityError.passwordRejected(violations) }
            _ = try connection.execute("""
                UPDATE users SET password_hash = \(newHash), must_change_password = false,
                                 password_changed_at = now(), updated_at = now()
                 WHERE id = \(userID)
                """)
            let subject = SessionSubject.tenantUser(tenantID: tenantID, userID: userID)
            _ = try Self.revokeAll(subject, keeping: nil, on: connection)
            try AuditLog.append(AuditChange(action: "set-password", entity: "user", entityID: userID.uuidString.lowercased(),
                                            before: nil, after: nil),
                                tenant: tenantID, actor: .user(userID), at: Date(), on: connection)
            return subject
        }
    }
}
