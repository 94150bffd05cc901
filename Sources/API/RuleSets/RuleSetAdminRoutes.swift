import Foundation
import HTTP
import Kinerja
import Persistence

/// Central admins manage the rule sets of every tenant (issue 4 item 2; architecture.md "Rules are
/// data, versioned per tenant"): draft, edit, validate, diff and publish. Central admins have no
/// tenant; after `AccessPolicy` allows `.manageRuleSets`, the store scopes each transaction to the
/// target tenant, so the write passes the same row-level security as any other.
struct RuleSetAdminRoutes {
    /// A rule set is a few kilobytes; this leaves room for long legal notes and bases.
    static let documentLimit = 256 * 1024

    let ruleSets: RuleSetStore
    let simulator: RuleSetSimulator
    let registry: TenantRegistryStore
    let auth: Authenticator
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    func register(on router: Router) {
        let base = "/v1/admin/tenants/:slug/rule-sets"
        router.get(base) { request in try list(request) }
        router.post(base, bodyLimit: Self.documentLimit, idempotency.wrap { request in try create(request) })
        router.get(base + "/in-force") { request in try inForce(request) }
        router.get(base + "/:version") { request in try show(request) }
        router.put(base + "/:version", bodyLimit: Self.documentLimit) { request in try update(request) }
        router.post(base + "/:version/validate", bodyLimit: Self.documentLimit) { request in try validate(request) }
        router.get(base + "/:version/diff/:other") { request in try diff(request) }
        router.post(base + "/:version/publish", bodyLimit: 1024) { request in try publish(request) }
        router.post(base + "/:version/simulate", bodyLimit: 1024) { request in try simulate(request) }
    }

    /// `GET …/rule-sets`: every version, drafts too, without documents.
    func list(_ request: Request) throws -> Response {
        let (_, tenant) = try authorize(request)
        let versions = try ruleSets.versions(tenant: tenant.id)
        return try .json(RuleSetVersionList(items: versions.map { RuleSetVersionView($0, withDocument: false) }))
    }

    /// `POST …/rule-sets`: a new draft from `{"document", "legalNote"?}`; 422 lists every issue.
    func create(_ request: Request) throws -> Response {
        let (principal, tenant) = try authorize(request)
        let body = try RuleSetDraftRequest.parse(request)
        let stored = try ruleSets.createDraft(tenant: tenant, document: body.document, legalNote: body.legalNote,
                                              by: .user(principal.userID), at: now())
        return try .json(RuleSetVersionView(stored), status: .created)
    }

    /// `GET …/rule-sets/in-force?on=YYYY-MM-DD` (default: today in the tenant's zone).
    func inForce(_ request: Request) throws -> Response {
        let (_, tenant) = try authorize(request)
        let date = try Self.date(request, default: tenant.civilDate(at: now()))
        guard let stored = try ruleSets.inForce(tenant: tenant.id, on: date) else {
            throw Problem.notFound("Tidak ada versi aturan yang berlaku pada \(date).")
        }
        return try .json(RuleSetVersionView(stored))
    }

    /// `GET …/rule-sets/{version}`.
    func show(_ request: Request) throws -> Response {
        let (_, tenant) = try authorize(request)
        let number = try Self.version(request, "version")
        guard let stored = try ruleSets.version(tenant: tenant.id, number: number) else {
            throw RuleSetStoreError.versionNotFound(number)
        }
        return try .json(RuleSetVersionView(stored))
    }

    /// `PUT …/rule-sets/{version}`: replaces a draft's document; 409 once published.
    func update(_ request: Request) throws -> Response {
        let (principal, tenant) = try authorize(request)
        let number = try Self.version(request, "version")
        let body = try RuleSetDraftRequest.parse(request)
        let stored = try ruleSets.updateDraft(tenant: tenant, number: number, document: body.document,
                                              legalNote: body.legalNote, by: .user(principal.userID), at: now())
        return try .json(RuleSetVersionView(stored))
    }

    /// `POST …/rule-sets/{version}/validate`: with a body, checks that document as a replacement
    /// for the version (dry: nothing is written) and lists the paths it would change; without one,
    /// checks the stored document against the tenant as it is now (slug and zone may have changed).
    func validate(_ request: Request) throws -> Response {
        let (_, tenant) = try authorize(request)
        let number = try Self.version(request, "version")
        guard let stored = try ruleSets.version(tenant: tenant.id, number: number) else {
            throw RuleSetStoreError.versionNotFound(number)
        }
        let document = request.body.isEmpty ? try stored.ruleSet.canonicalJSON() : try RuleSetDraftRequest.parse(request).document
        let candidate: RuleSet
        do {
            candidate = try RuleSetStore.validate(document, for: tenant)
        } catch {
            throw RuleSetStoreError.invalidDocument(error)
        }
        return try .json(ValidationView(valid: true, tenant: tenant.slug, version: number,
                                        changedPaths: try stored.ruleSet.diff(candidate)))
    }

    /// `GET …/rule-sets/{version}/diff/{other}`: the JSON paths that differ.
    func diff(_ request: Request) throws -> Response {
        let (_, tenant) = try authorize(request)
        let first = try Self.version(request, "version")
        let second = try Self.version(request, "other")
        return try .json(DiffView(from: first, to: second, changedPaths: try ruleSets.diff(tenant: tenant.id, first, second)))
    }

    /// `POST …/rule-sets/{version}/publish` `{"validFrom", "validUntil"?}`: 409 on overlap or when published.
    func publish(_ request: Request) throws -> Response {
        let (principal, tenant) = try authorize(request)
        let number = try Self.version(request, "version")
        let dates = try request.decode(PublishRequest.self).dates()
        let publication = try ruleSets.publish(tenant: tenant, number: number, validFrom: dates.from,
                                               validUntil: dates.until, by: .user(principal.userID), at: now())
        return try .json(PublicationView(published: RuleSetVersionView(publication.published),
                                         closed: publication.closed.map { RuleSetVersionView($0, withDocument: false) }))
    }

    /// `POST …/rule-sets/{version}/simulate` `{"periodId"}`: what the version would change in that
    /// period's evaluations (coverage, results, distribution outcomes), without writing anything.
    func simulate(_ request: Request) throws -> Response {
        let (_, tenant) = try authorize(request)
        let number = try Self.version(request, "version")
        let period = try request.decode(SimulationRequest.self).periodId
        guard let report = try simulator.simulate(tenant: tenant.id, number: number, period: period) else {
            throw Problem.notFound("Periode penilaian tidak ditemukan.")
        }
        return try .json(report)
    }

    /// The caller, who must be allowed `.manageRuleSets` (central admins), and the target tenant.
    private func authorize(_ request: Request) throws -> (Principal, Tenant) {
        let principal = try auth.require(request, .manageRuleSets)
        let slug = request.parameter("slug") ?? ""
        guard Tenant.isValidSlug(slug), let tenant = try registry.tenant(slug: slug) else {
            throw Problem.notFound("Kabupaten tidak ditemukan.")
        }
        return (principal, tenant)
    }

    /// A version number from the path; anything else is 404 (no such version).
    static func version(_ request: Request, _ name: String) throws -> Int {
        guard let text = request.parameter(name), text.count <= 7, let number = Int(text), number >= 1 else {
            throw Problem.notFound("Versi aturan tidak ditemukan.")
        }
        return number
    }

    /// The `on` query parameter as a date, or `fallback`; 422 when malformed.
    static func date(_ request: Request, default fallback: CivilDate) throws -> CivilDate {
        guard let text = request.query("on") else { return fallback }
        guard let date = CivilDate(iso: text) else {
            throw Problem.validation([.init(pointer: "/on", code: "invalid_date", message: "Tanggal YYYY-MM-DD.")])
        }
        return date
    }
}
