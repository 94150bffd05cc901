import Foundation
import HTTP
import Kinerja
import Persistence
import Runtime

/// Login, logout, who-am-I and password change (`/v1/tenants/{slug}/sessions`, `/v1/admin/sessions`,
/// `/v1/sessions/current`, `/v1/me`).
struct SessionRoutes {
    let identities: IdentityStore
    let tenants: TenantStore
    let registry: TenantRegistryStore
    let auth: Authenticator
    let throttle: LoginThrottle
    let configuration: IdentityConfiguration
    /// Security events (OWASP Logging Cheat Sheet: authentication successes and failures). Never
    /// the login name, password or token: the user id, tenant, client address and request id.
    let logger: Logger

    /// Logins and password bodies are small; anything bigger is not one.
    static let bodyLimit = 4096

    func register(on router: Router) {
        router.post("/v1/tenants/:slug/sessions", bodyLimit: Self.bodyLimit) { request in try tenantLogin(request) }
        router.post("/v1/admin/sessions", bodyLimit: Self.bodyLimit) { request in try adminLogin(request) }
        router.delete("/v1/sessions/current") { request in try logout(request) }
        router.delete("/v1/me/sessions") { request in try logoutEverywhere(request) }
        router.get("/v1/me") { request in try me(request) }
        router.put("/v1/me/password", bodyLimit: Self.bodyLimit) { request in try changePassword(request) }
    }

    /// `POST /v1/tenants/{slug}/sessions`: log in by NIP (spaces allowed) or e-mail.
    func tenantLogin(_ request: Request) throws -> Response {
        let slug = request.parameter("slug") ?? ""
        guard Tenant.isValidSlug(slug), let tenant = try tenants.activeTenant(slug: slug) else {
            throw Problem.notFound("Kabupaten dengan kode \"\(String(slug.prefix(64)))\" tidak ditemukan.")
        }
        let body = try request.decode(LoginRequest.self)
        let login = LoginName(body.login)
        let keys = throttle.keys(tenant: tenant.id, login: login?.text ?? String(body.login.prefix(254)),
                                 request: request)
        try check(keys, request, tenant: tenant.slug)
        let credential = try login.flatMap { try identities.tenantCredential(tenantID: tenant.id, login: $0) }
        let subject = try verify(credential, password: body.password, keys: keys, request, tenant: tenant.slug)
        return try started(subject)
    }

    /// `POST /v1/admin/sessions`: a central admin logs in by e-mail.
    func adminLogin(_ request: Request) throws -> Response {
        let body = try request.decode(LoginRequest.self)
        let email = LoginName.normalisedEmail(body.login)
        let keys = throttle.keys(tenant: nil, login: email ?? String(body.login.prefix(254)), request: request)
        try check(keys, request, tenant: "-")
        let credential = try email.flatMap { try identities.centralAdminCredential(email: $0) }
        let subject = try verify(credential, password: body.password, keys: keys, request, tenant: "-")
        return try started(subject)
    }

    /// `DELETE /v1/sessions/current`: logout; the token stops working at once.
    func logout(_ request: Request) throws -> Response {
        let authentication = try auth.authenticate(request)
        try identities.revokeSession(tokenHash: authentication.session.tokenHash)
        return .empty()
    }

    /// `DELETE /v1/me/sessions`: logout everywhere, this session included.
    func logoutEverywhere(_ request: Request) throws -> Response {
        let authentication = try auth.authenticate(request)
        try identities.revokeAllSessions(of: authentication.session.subject)
        return .empty()
    }

    /// `GET /v1/me`.
    func me(_ request: Request) throws -> Response {
        let authentication = try auth.authenticate(request)
        return try .json(meView(authentication.session.subject, principal: authentication.principal))
    }

    /// `PUT /v1/me/password`: needs the current password; other sessions end.
    func changePassword(_ request: Request) throws -> Response {
        let authentication = try auth.authenticate(request)
        let body = try request.decode(PasswordChangeRequest.self)
        let subject = authentication.session.subject
        // Guessing the current password with a stolen token is throttled like a login.
        let keys = throttle.keys(tenant: subject.tenantID, login: "password-change:" + subject.id.uuidString.lowercased(),
                                 request: request)
        try throttle.check(keys)
        do {
            try identities.changePassword(subject, current: body.currentPassword, new: body.newPassword,
                                          keepingTokenHash: authentication.session.tokenHash)
        } catch IdentityError.wrongCurrentPassword {
            try throttle.failed(keys)
            throw IdentityError.wrongCurrentPassword
        }
        try throttle.succeeded(keys)
        return .empty()
    }

    // MARK: Helpers

    /// Checks the password; every failure looks and takes the same (dummy hash for unknown accounts).
    private func verify(_ credential: StoredCredential?, password: String, keys: LoginThrottle.Keys,
                        _ request: Request, tenant: String) throws -> SessionSubject {
        guard let credential, credential.active, let hash = credential.passwordHash else {
            identities.hasher.verifyAgainstNothing(password)
            try throttle.failed(keys)
            log("login failed", request, tenant: tenant, ["reason": .string(credential == nil ? "unknown_account" : "inactive_or_no_password")])
            throw Problem.invalidCredentials
        }
        switch identities.hasher.verify(password, against: hash) {
        case .mismatch:
            try throttle.failed(keys)
            log("login failed", request, tenant: tenant, ["reason": .string("wrong_password"),
                                                           "user.id": .string(credential.subject.id.uuidString.lowercased())])
            throw Problem.invalidCredentials
        case .match(let needsRehash):
            try throttle.succeeded(keys)
            if needsRehash { try identities.rehash(credential.subject, newHash: identities.hasher.hash(password)) }
            log("login succeeded", request, tenant: tenant, ["user.id": .string(credential.subject.id.uuidString.lowercased())])
            return credential.subject
        }
    }

    private func check(_ keys: LoginThrottle.Keys, _ request: Request, tenant: String) throws {
        do {
            try throttle.check(keys)
        } catch let problem as Problem {
            log("login throttled", request, tenant: tenant, ["retry_after": .int(problem.retryAfter ?? 0)])
            throw problem
        }
    }

    private func log(_ message: String, _ request: Request, tenant: String, _ fields: [String: LogValue]) {
        var all = fields
        all["request.id"] = .string(request.requestID)
        all["tenant"] = .string(tenant)
        all["client.address"] = .string(ClientAddress(trustedProxies: configuration.trustedProxies).of(request))
        logger.info(message, all)
    }

    private func started(_ subject: SessionSubject) throws -> Response {
        let session = try identities.startSession(for: subject, ttlSeconds: configuration.sessionTTLSeconds)
        let authenticated = AuthenticatedSession(id: session.id, subject: subject, expiresAt: session.expiresAt,
                                                 tokenHash: session.token.hash)
        guard let principal = try identities.principal(for: authenticated) else { throw Problem.invalidCredentials }
        let view = SessionView(token: session.token.value, expiresAt: session.expiresAt,
                               me: try meView(subject, principal: principal))
        return try .json(view, status: .created)
    }

    func meView(_ subject: SessionSubject, principal: Principal) throws -> MeView {
        switch subject {
        case .centralAdmin(let id):
            guard let admin = try identities.centralAdmin(id: id) else { throw Problem.invalidToken }
            return MeView(kind: "central_admin", user: nil, centralAdmin: CentralAdminView(admin), tenant: nil,
                          roles: RoleView.list(principal.roles))
        case .tenantUser(let tenantID, let userID):
            guard let user = try identities.user(tenantID: tenantID, id: userID),
                  let tenant = try registry.tenant(id: tenantID) else { throw Problem.invalidToken }
            return MeView(kind: "tenant_user", user: UserView(user), centralAdmin: nil, tenant: TenantSummary(tenant),
                          roles: RoleView.list(principal.roles))
        }
    }
}
