import Foundation
import Kinerja
import Postgres

extension IdentityStore {
    /// The user `id` of the tenant, or nil. With `requireActiveTenant`, nil also when the tenant
    /// has been deactivated (its users' tokens stop working).
    public func user(tenantID: UUID, id: UUID, requireActiveTenant: Bool = false) throws -> UserRecord? {
        try pool.transaction(tenant: tenantID, readOnly: true) { connection in
            let rows = try connection.query("""
                SELECT u.id, u.nip, u.email, u.name, u.active, u.must_change_password, u.password_hash IS NOT NULL,
                       u.employee_id, u.created_at
                  FROM users u JOIN tenants t ON t.id = u.tenant_id
                 WHERE u.id = \(id) AND (t.active OR NOT \(requireActiveTenant))
                """)
            guard let row = rows.first else { return nil }
            return try Self.users(from: [row], tenantID: tenantID, on: connection).first
        }
    }

    /// Users of the tenant in creation order after `after` (exclusive), at most `limit`.
    public func users(tenantID: UUID, after: UUID?, limit: Int) throws -> [UserRecord] {
        try pool.transaction(tenant: tenantID, readOnly: true) { connection in
            let rows = try connection.query("""
                SELECT id, nip, email, name, active, must_change_password, password_hash IS NOT NULL, employee_id, created_at
                  FROM users
                 WHERE \(after) IS NULL OR id > \(after)
                 ORDER BY id LIMIT \(limit)
                """)
            return try Self.users(from: Array(rows), tenantID: tenantID, on: connection)
        }
    }

    /// Creates a user with no password and an invitation token valid for `invitationTTLSeconds`.
    /// The change is recorded in the tenant's audit log by `actor` (default: the granting user,
    /// else `system:kinerja`), in the same transaction.
    public func createUser(tenantID: UUID, _ new: NewUser, grantedBy: UUID?, actor: AuditActor? = nil,
                           invitationTTLSeconds: Int) throws -> (UserRecord, IssuedOneTimeToken) {
        let actor = actor ?? grantedBy.map(AuditActor.user) ?? .system("kinerja")
        let id = try IdentityID.make()
        let token = try OpaqueToken.generate()
        do {
            return try pool.transaction(tenant: tenantID) { connection in
                _ = try connection.execute("""
                    INSERT INTO users (tenant_id, id, nip, email, name, employee_id, must_change_password)
                    VALUES (\(tenantID), \(id), \(new.nip), \(new.email), \(new.name), \(new.employeeID), false)
                    """)
                try Self.grant(new.roles, tenantID: tenantID, userID: id, grantedBy: grantedBy, on: connection)
                let issued = try Self.issue(.invitation, token: token, userID: id, ttlSeconds: invitationTTLSeconds, on: connection)
                let rows = try connection.query("""
                    SELECT id, nip, email, name, active, must_change_password, password_hash IS NOT NULL, employee_id, created_at
                      FROM users WHERE id = \(id)
                    """)
                guard let user = try Self.users(from: Array(rows), tenantID: tenantID, on: connection).first else {
                    throw IdentityError.userNotFound
                }
                try AuditLog.append(AuditChange(action: "create", entity: "user", id: id, before: nil as AuditedUser?,
                                                after: AuditedUser(user)),
                                    tenant: tenantID, actor: actor, at: Date(), on: connection)
                return (user, issued)
            }
        } catch let error as PostgresError {
            throw IdentityError.refused(error) ?? error
        }
    }

    /// Applies `changes` to user `id`; nil when the tenant has no such user. Deactivating ends
    /// every session of the user in the same transaction.
    public func updateUser(tenantID: UUID, id: UUID, _ changes: UserChanges, grantedBy: UUID?,
                           actor: AuditActor) throws -> UserRecord? {
        do {
            return try updateUserRow(tenantID: tenantID, id: id, changes, grantedBy: grantedBy, actor: actor)
        } catch let error as PostgresError {
            throw IdentityError.refused(error) ?? error
        }
    }

    private func updateUserRow(tenantID: UUID, id: UUID, _ changes: UserChanges, grantedBy: UUID?,
                               actor: AuditActor) throws -> UserRecord? {
        try pool.transaction(tenant: tenantID) { connection in
            let current = try connection.query("""
                SELECT id, nip, email, name, active, must_change_password, password_hash IS NOT NULL, employee_id, created_at
                  FROM users WHERE id = \(id) FOR UPDATE
                """)
            guard let before = try Self.users(from: Array(current), tenantID: tenantID, on: connection).first else { return nil }
            let rows = try connection.query("""
                UPDATE users SET name = coalesce(\(changes.name), name), active = coalesce(\(changes.active), active),
                                 updated_at = now()
                 WHERE id = \(id)
                RETURNING id, nip, email, name, active, must_change_password, password_hash IS NOT NULL, employee_id, created_at
                """)
            guard let row = rows.first else { return nil }
            if let roles = changes.roles {
                _ = try connection.execute("DELETE FROM user_roles WHERE user_id = \(id)")
                try Self.grant(roles, tenantID: tenantID, userID: id, grantedBy: grantedBy, on: connection)
            }
            if changes.active == false {
                _ = try Self.revokeAll(.tenantUser(tenantID: tenantID, userID: id), keeping: nil, on: connection)
            }
            guard let after = try Self.users(from: [row], tenantID: tenantID, on: connection).first else { return nil }
            try AuditLog.append(AuditChange(action: "update", entity: "user", id: id, before: AuditedUser(before),
                                            after: AuditedUser(after)),
                                tenant: tenantID, actor: actor, at: Date(), on: connection)
            return after
        }
    }

    static func grant(_ roles: [Role], tenantID: UUID, userID: UUID, grantedBy: UUID?, on connection: PostgresConnection) throws {
        for role in roles {
            let perangkatDaerah: UUID?
            switch role {
            case .tenantAdmin: perangkatDaerah = nil
            case .pengelolaKinerja(let pd): perangkatDaerah = pd
            default: continue
            }
            _ = try connection.execute("""
                INSERT INTO user_roles (tenant_id, id, user_id, role, perangkat_daerah_id, granted_by)
                VALUES (\(tenantID), \(try IdentityID.make()), \(userID), \(role.code), \(perangkatDaerah), \(grantedBy))
                ON CONFLICT DO NOTHING
                """)
        }
    }

    /// Issues a password-reset token for user `id`; nil when the tenant has no such user.
    public func issuePasswordReset(tenantID: UUID, userID: UUID, actor: AuditActor, ttlSeconds: Int) throws -> IssuedOneTimeToken? {
        let token = try OpaqueToken.generate()
        return try pool.transaction(tenant: tenantID) { connection in
            guard try connection.query("SELECT 1 FROM users WHERE id = \(userID)").first != nil else { return nil }
            let issued = try Self.issue(.passwordReset, token: token, userID: userID, ttlSeconds: ttlSeconds, on: connection)
            try AuditLog.append(AuditChange(action: "issue-password-reset", entity: "user",
                                            entityID: userID.uuidString.lowercased(), before: nil, after: nil),
                                tenant: tenantID, actor: actor, at: Date(), on: connection)
            return issued
        }
    }

    static func issue(_ kind: OneTimeTokenKind, token: OpaqueToken, userID: UUID, ttlSeconds: Int,
                      on connection: PostgresConnection) throws -> IssuedOneTimeToken {
        let rows = try connection.query(
            "SELECT one_time_token_issue(\(token.hash), \(kind.rawValue), \(userID), \(ttlSeconds)::integer)")
        guard let expiresAt = try rows.first?.decode(Date.self, at: 0) else {
            throw PostgresError(kind: .client, debugMessage: "one_time_token_issue returned no row")
        }
        return IssuedOneTimeToken(kind: kind, token: token, expiresAt: expiresAt)
    }

    /// Decodes user rows (the column order of the queries above) and loads their granted roles.
    static func users(from rows: [PostgresRow], tenantID: UUID, on connection: PostgresConnection) throws -> [UserRecord] {
        var users = try rows.map { row in
            let (id, nip, email, name, active, mustChange, hasPassword, employeeID, createdAt) =
                try row.decode((UUID, String?, String?, String, Bool, Bool, Bool, UUID?, Date).self)
            return UserRecord(id: id, tenantID: tenantID, nip: nip, email: email, name: name, active: active,
                              mustChangePassword: mustChange, hasPassword: hasPassword, employeeID: employeeID,
                              grantedRoles: [], createdAt: createdAt)
        }
        guard !users.isEmpty else { return users }
        let ids = users.map(\.id)
        let roleRows = try connection.query("""
            SELECT user_id, role, perangkat_daerah_id FROM user_roles
             WHERE user_id = ANY(\(ids)) ORDER BY role, perangkat_daerah_id
            """)
        var roles: [UUID: [Role]] = [:]
        for row in roleRows {
            let (userID, code, perangkatDaerah) = try row.decode((UUID, String, UUID?).self)
            switch (code, perangkatDaerah) {
            case ("tenant_admin", _): roles[userID, default: []].append(.tenantAdmin)
            case ("pengelola_kinerja", let pd?): roles[userID, default: []].append(.pengelolaKinerja(perangkatDaerah: pd))
            default: continue
            }
        }
        for index in users.indices { users[index].grantedRoles = roles[users[index].id] ?? [] }
        return users
    }
}
