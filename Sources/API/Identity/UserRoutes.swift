import Foundation
import HTTP
import Kinerja
import Persistence

/// Users of a tenant, managed by its admins (BKPSDM), and the public end of one-time tokens.
struct UserRoutes {
    let identities: IdentityStore
    let auth: Authenticator
    let configuration: IdentityConfiguration
    let idempotency: Idempotency

    func register(on router: Router) {
        router.post("/v1/users", bodyLimit: 16 * 1024, idempotency.wrap(.withoutSecrets) { request in try create(request) })
        router.get("/v1/users") { request in try list(request) }
        router.get("/v1/users/:id") { request in try show(request) }
        router.patch("/v1/users/:id", bodyLimit: 16 * 1024) { request in try update(request) }
        router.post("/v1/users/:id/password-reset", bodyLimit: 1024, idempotency.wrap(.withoutSecrets) { request in try issueReset(request) })
        router.post("/v1/password-resets", bodyLimit: 4096) { request in try completeReset(request) }
    }

    /// `POST /v1/users`: creates a user with an invitation token. Until the worker e-mails
    /// invitations, the token is returned to the admin once (`delivery: returned_to_admin`).
    func create(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageUsers)
        let tenant = try admin.tenant()
        let new = try Self.newUser(try request.decode(CreateUserRequest.self))
        return try Self.created(identities.createUser(tenantID: tenant, new, grantedBy: admin.userID, actor: admin.auditActor,
                                                      invitationTTLSeconds: configuration.invitationTTLSeconds))
    }

    /// `GET /v1/users?limit=&cursor=`: the tenant's users in creation order.
    func list(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageUsers)
        let tenant = try admin.tenant()
        let limit = try PageCursor.limit(request)
        var after: UUID?
        if let cursor = request.query("cursor") {
            guard let id = UUID(uuidString: try PageCursor.decode(cursor)) else { throw Problem.badRequest("Kursor halaman tidak valid.") }
            after = id
        }
        let users = try identities.users(tenantID: tenant, after: after, limit: limit + 1)
        let page = Array(users.prefix(limit))
        let next = users.count > limit ? page.last.map { PageCursor.encode($0.id.uuidString.lowercased()) } : nil
        return try .json(Page(items: page.map(UserView.init), nextCursor: next))
    }

    /// `GET /v1/users/{id}`.
    func show(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageUsers)
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)),
              let user = try identities.user(tenantID: try admin.tenant(), id: id)
        else { throw Problem.notFound("Pengguna tidak ditemukan.") }
        return try .json(UserView(user))
    }

    /// `PATCH /v1/users/{id}`: rename, (de)activate, replace granted roles. Deactivation ends the
    /// user's sessions. An admin cannot lock themself out (deactivate or drop their own admin role).
    func update(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageUsers)
        let tenant = try admin.tenant()
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)) else {
            throw Problem.notFound("Pengguna tidak ditemukan.")
        }
        let body = try request.decode(UpdateUserRequest.self)
        var errors: [Problem.FieldError] = []
        var name: String?
        if let text = body.name {
            name = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if name?.isEmpty != false || text.count > 200 {
                errors.append(.init(pointer: "/name", code: "invalid_length", message: "Nama wajib diisi, maksimal 200 karakter."))
            }
        }
        let roles = body.roles.map { Self.roles($0, errors: &errors) }
        if id == admin.userID, body.active == false || (roles.map { !$0.contains(.tenantAdmin) } ?? false) {
            errors.append(.init(pointer: body.active == false ? "/active" : "/roles", code: "self_lockout",
                                message: "Admin tidak dapat menonaktifkan diri sendiri atau mencabut peran adminnya sendiri."))
        }
        guard errors.isEmpty else { throw Problem.validation(errors) }
        guard let user = try identities.updateUser(tenantID: tenant, id: id, UserChanges(name: name, active: body.active, roles: roles),
                                                   grantedBy: admin.userID, actor: admin.auditActor)
        else { throw Problem.notFound("Pengguna tidak ditemukan.") }
        return try .json(UserView(user))
    }

    /// `POST /v1/users/{id}/password-reset`: the admin gets a reset token for the user.
    func issueReset(_ request: Request) throws -> Response {
        let admin = try auth.require(request, .manageUsers)
        let tenant = try admin.tenant()
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)),
              let issued = try identities.issuePasswordReset(tenantID: tenant, userID: id, actor: admin.auditActor,
                                                             ttlSeconds: configuration.passwordResetTTLSeconds)
        else { throw Problem.notFound("Pengguna tidak ditemukan.") }
        return try .json(OneTimeTokenView(issued), status: .created)
    }

    /// `POST /v1/password-resets`: public; sets the password with an invitation or reset token
    /// and consumes it. Every session of the user ends.
    func completeReset(_ request: Request) throws -> Response {
        let body = try request.decode(PasswordResetRequest.self)
        guard let token = OpaqueToken(presented: body.token) else { throw IdentityError.invalidOneTimeToken }
        try identities.completeOneTimeToken(token, newPassword: body.newPassword)
        return .empty()
    }

    // MARK: Shared with the central admins' route

    static func created(_ result: (UserRecord, IssuedOneTimeToken)) throws -> Response {
        try .json(CreatedUserView(user: UserView(result.0), invitation: OneTimeTokenView(result.1)), status: .created)
    }

    /// Validates a create-user body, reporting every bad field at once.
    static func newUser(_ body: CreateUserRequest) throws -> NewUser {
        var errors: [Problem.FieldError] = []
        var nip: String?
        if let text = body.nip {
            // Validated as in domain.md "NIP": a PNS/CPNS number or a PPPK one. "Today" is taken
            // in WIT, the easternmost zone, so no regency's current month is refused as future.
            let today = CivilDate(instant: Date(), in: TimeZone(identifier: "Asia/Jayapura") ?? TimeZone(secondsFromGMT: 9 * 3600) ?? .current)
            do throws(NIPError) {
                nip = try NIP(text, type: .pns, today: today).digits
            } catch {
                if let pppk = try? NIP(text, type: .pppk, today: today) {
                    nip = pppk.digits
                } else {
                    errors.append(.init(pointer: "/nip", code: error.code, message: error.message))
                }
            }
        }
        var email: String?
        if let text = body.email {
            email = LoginName.normalisedEmail(text)
            if email == nil { errors.append(.init(pointer: "/email", code: "invalid_email", message: "Alamat e-mail tidak valid.")) }
        }
        if body.nip == nil && body.email == nil {
            errors.append(.init(pointer: "/nip", code: "required", message: "Isi NIP atau e-mail (atau keduanya)."))
        }
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty || name.count > 200 {
            errors.append(.init(pointer: "/name", code: "invalid_length", message: "Nama wajib diisi, maksimal 200 karakter."))
        }
        var employeeID: UUID?
        if let text = body.employeeId {
            employeeID = UUID(uuidString: text)
            if employeeID == nil { errors.append(.init(pointer: "/employeeId", code: "invalid_uuid", message: "Bukan UUID.")) }
        }
        let roles = Self.roles(body.roles ?? [], errors: &errors)
        guard errors.isEmpty else { throw Problem.validation(errors) }
        return NewUser(nip: nip, email: email, name: name, employeeID: employeeID, roles: roles)
    }
}

extension UserRoutes {
    /// Grantable roles from a body; bad entries become errors under `/roles/<index>`.
    static func roles(_ grants: [RoleGrant], errors: inout [Problem.FieldError]) -> [Role] {
        if grants.count > 50 {
            errors.append(.init(pointer: "/roles", code: "too_many", message: "Paling banyak 50 peran."))
        }
        var roles: [Role] = []
        for (index, grant) in grants.prefix(50).enumerated() {
            switch (grant.role, grant.perangkatDaerahId.flatMap(UUID.init(uuidString:))) {
            case ("tenant_admin", nil) where grant.perangkatDaerahId == nil:
                roles.append(.tenantAdmin)
            case ("pengelola_kinerja", let pd?):
                roles.append(.pengelolaKinerja(perangkatDaerah: pd))
            default:
                errors.append(.init(pointer: "/roles/\(index)", code: "invalid_role",
                                    message: "Peran harus tenant_admin, atau pengelola_kinerja dengan perangkatDaerahId."))
            }
        }
        return roles
    }
}
