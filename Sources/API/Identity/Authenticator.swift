import Foundation
import HTTP
import Kinerja
import Persistence

/// Turns a request's bearer token (RFC 6750 section 2.1) into a `Principal`, and asks
/// `AccessPolicy` for decisions. Route files use it like this:
///
/// ```swift
/// router.get("/v1/units") { request in
///     let who = try auth.require(request, .viewEmployee)          // 401 / 403
///     let tenant = try who.tenant()                                // 403 for central admins
///     ...
/// }
/// ```
public struct Authenticator: Sendable {
    /// Adds the roles the hierarchy derives (pejabat penilai, atasan pejabat penilai) to a tenant
    /// user's principal; supplied by the organisation module, which knows who evaluates whom today.
    public typealias RoleDeriver = @Sendable (Principal) throws -> Set<Role>

    let identities: IdentityStore
    let deriveRoles: RoleDeriver?

    public init(identities: IdentityStore, deriveRoles: RoleDeriver? = nil) {
        self.identities = identities
        self.deriveRoles = deriveRoles
    }

    /// The principal of the request, or a 401 problem (with `WWW-Authenticate: Bearer`) when the
    /// token is missing, malformed, unknown, expired or revoked, or its account was deactivated.
    public func principal(_ request: Request) throws -> Principal {
        try authenticate(request).principal
    }

    /// The principal and its session (logout needs the session).
    public func authenticate(_ request: Request) throws -> Authentication {
        guard let header = request.headers["Authorization"] else { throw Problem.authenticationRequired }
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        // The scheme is case-insensitive (RFC 9110 section 11.1).
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { throw Problem.authenticationRequired }
        guard let token = OpaqueToken(presented: parts[1].trimmingCharacters(in: .whitespaces)),
              let session = try identities.session(for: token),
              var principal = try identities.principal(for: session)
        else { throw Problem.invalidToken }
        if let deriveRoles, principal.tenantID != nil { principal.roles.formUnion(try deriveRoles(principal)) }
        return Authentication(principal: principal, session: session)
    }

    /// Throws 403 or 404 unless `AccessPolicy` allows `principal` to do `action` on the target.
    public func authorize(_ principal: Principal, _ action: Action, _ facts: AccessFacts) throws {
        switch AccessPolicy.decide(principal, action, facts) {
        case .allow: return
        case .deny(let reason): throw Problem.forbidden(reason)
        case .notFound: throw Problem.notFound()
        }
    }

    /// Authenticates, then authorizes `action` on the caller's own tenant (or the platform, for a
    /// central admin). For actions on a specific target, use `principal` and `authorize` with facts.
    public func require(_ request: Request, _ action: Action) throws -> Principal {
        let principal = try principal(request)
        try authorize(principal, action, principal.tenantID.map(AccessFacts.tenant) ?? .platform)
        return principal
    }
}

extension Principal {
    /// The principal's tenant, or 403 for a central admin (who belongs to none) on a tenant route.
    public func tenant() throws -> UUID {
        guard let tenantID else {
            throw Problem.forbidden("Alamat ini untuk pengguna kabupaten; admin pusat memakai /v1/admin.")
        }
        return tenantID
    }

    /// Who the audit log names for this principal's changes.
    public var auditActor: AuditActor { isCentralAdmin ? .centralAdmin(userID) : .user(userID) }
}
