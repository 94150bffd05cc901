import Foundation
import Kinerja
import Postgres
import Runtime

/// Users, central admins, sessions and one-time tokens (migration 0004). Tenant users are read
/// and written only inside `transaction(tenant:)`; sessions and one-time tokens only through the
/// migration's SECURITY DEFINER functions, since the app role has no privilege on those tables.
public struct IdentityStore: Sendable {
    let pool: PostgresPool
    /// Hashes new passwords; verification reads the cost from each stored hash.
    public let hasher: PasswordHasher

    public init(pool: PostgresPool, hasher: PasswordHasher) {
        self.pool = pool
        self.hasher = hasher
    }

    // MARK: Login

    /// The credential of the tenant user who logs in with `login`, or nil.
    public func tenantCredential(tenantID: UUID, login: LoginName) throws -> StoredCredential? {
        try pool.transaction(tenant: tenantID, readOnly: true) { connection in
            let rows: PostgresRows
            switch login {
            case .nip(let nip):
                rows = try connection.query("SELECT id, password_hash, active FROM users WHERE nip = \(nip)")
            case .email(let email):
                rows = try connection.query("SELECT id, password_hash, active FROM users WHERE lower(email) = \(email)")
            }
            return try rows.first.map { row in
                let (id, hash, active) = try row.decode((UUID, String?, Bool).self)
                return StoredCredential(subject: .tenantUser(tenantID: tenantID, userID: id), passwordHash: hash, active: active)
            }
        }
    }

    /// The credential of the central admin with `email` (already normalised), or nil.
    public func centralAdminCredential(email: String) throws -> StoredCredential? {
        try pool.withConnection { connection in
            let rows = try connection.query("SELECT id, password_hash, active FROM central_admins WHERE lower(email) = \(email)")
            return try rows.first.map { row in
                let (id, hash, active) = try row.decode((UUID, String, Bool).self)
                return StoredCredential(subject: .centralAdmin(id: id), passwordHash: hash, active: active)
            }
        }
    }

    /// Replaces a stored hash made at an older cost with `newHash` (after a successful login).
    public func rehash(_ subject: SessionSubject, newHash: String) throws {
        try withSubject(subject) { connection in
            switch subject {
            case .tenantUser(_, let id):
                _ = try connection.execute("UPDATE users SET password_hash = \(newHash) WHERE id = \(id)")
            case .centralAdmin(let id):
                _ = try connection.execute("UPDATE central_admins SET password_hash = \(newHash) WHERE id = \(id)")
            }
        }
    }

    // MARK: Sessions

    /// Starts a session of `ttlSeconds` for `subject`; the token is returned once.
    public func startSession(for subject: SessionSubject, ttlSeconds: Int) throws -> IssuedSession {
        let token = try OpaqueToken.generate()
        let hash = token.hash
        return try withSubject(subject) { connection in
            let (userID, adminID) = Self.ids(subject)
            let rows = try connection.query(
                "SELECT session_id, expires_at FROM session_create(\(hash), \(userID), \(adminID), \(ttlSeconds)::integer)")
            guard let row = rows.first else { throw PostgresError(kind: .client, debugMessage: "session_create returned no row") }
            let (id, expiresAt) = try row.decode((UUID, Date).self)
            return IssuedSession(id: id, token: token, expiresAt: expiresAt)
        }
    }

    /// The live session of `token`, or nil when unknown, expired or revoked.
    public func session(for token: OpaqueToken) throws -> AuthenticatedSession? {
        let hash = token.hash
        return try pool.withConnection { connection in
            let rows = try connection.query(
                "SELECT session_id, tenant_id, user_id, central_admin_id, expires_at FROM session_authenticate(\(hash))")
            guard let row = rows.first else { return nil }
            let (id, tenantID, userID, adminID, expiresAt) = try row.decode((UUID, UUID?, UUID?, UUID?, Date).self)
            let subject: SessionSubject
            if let tenantID, let userID {
                subject = .tenantUser(tenantID: tenantID, userID: userID)
            } else if let adminID {
                subject = .centralAdmin(id: adminID)
            } else {
                return nil
            }
            return AuthenticatedSession(id: id, subject: subject, expiresAt: expiresAt, tokenHash: hash)
        }
    }

    /// The principal behind a live session: granted roles, plus `pegawai` for a user tied to an
    /// employee. Nil when the account or its tenant has been deactivated since login.
    /// Derived roles (pejabat penilai, atasan) are added by the organisation module.
    public func principal(for session: AuthenticatedSession) throws -> Principal? {
        switch session.subject {
        case .centralAdmin(let id):
            guard let admin = try centralAdmin(id: id), admin.active else { return nil }
            return Principal(userID: admin.id, tenantID: nil, roles: [.centralAdmin])
        case .tenantUser(let tenantID, let userID):
            guard let user = try user(tenantID: tenantID, id: userID, requireActiveTenant: true), user.active else { return nil }
            var roles = Set(user.grantedRoles)
            if user.employeeID != nil { roles.insert(.pegawai) }
            return Principal(userID: user.id, tenantID: tenantID, employeeID: user.employeeID, roles: roles)
        }
    }

    /// Ends the session of `tokenHash` (logout). Returns whether it was live.
    @discardableResult
    public func revokeSession(tokenHash: String) throws -> Bool {
        try pool.withConnection { connection in
            try connection.query("SELECT session_revoke(\(tokenHash))").first?.decode(Bool.self, at: 0) ?? false
        }
    }

    /// Ends every live session of `subject` except the one of `keeping` (nil: all). Returns how many.
    @discardableResult
    public func revokeAllSessions(of subject: SessionSubject, keeping: String? = nil) throws -> Int {
        try withSubject(subject) { connection in
            try Self.revokeAll(subject, keeping: keeping, on: connection)
        }
    }

    static func revokeAll(_ subject: SessionSubject, keeping: String?, on connection: PostgresConnection) throws -> Int {
        let (userID, adminID) = ids(subject)
        return try connection.query("SELECT session_revoke_all(\(userID), \(adminID), \(keeping))").first?
            .decode(Int.self, at: 0) ?? 0
    }

    // MARK: Helpers

    /// Runs `body` in a transaction scoped to the subject's tenant, or in a plain one for central admins.
    func withSubject<T>(_ subject: SessionSubject, _ body: (PostgresConnection) throws -> T) throws -> T {
        if let tenantID = subject.tenantID {
            return try pool.transaction(tenant: tenantID, body)
        }
        return try pool.transaction(body)
    }

    static func ids(_ subject: SessionSubject) -> (UUID?, UUID?) {
        switch subject {
        case .tenantUser(_, let userID): (userID, nil)
        case .centralAdmin(let id): (nil, id)
        }
    }
}
