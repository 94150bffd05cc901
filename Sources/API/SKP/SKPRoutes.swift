import Foundation
import HTTP
import Kinerja
import Persistence

/// The SKP routes (issue 5 item 1): an employee's own plan, the workflow steps, revisions, the
/// evaluator's queue and the reports. Every route authenticates first; the workflow decides who
/// may do what and refuses with the article (`SKPStoreError+Problem.swift`).
struct SKPRoutes {
    let store: SKPStore
    let principals: any SKPPrincipalSource
    let organisation: any SKPOrganisation
    let rules: any SKPRuleSource
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    /// An SKP document is at most 30 RHK × 10 IKI of 2,000 characters, a little over 1 MB in the worst case.
    static let bodyLimit = 2 * 1024 * 1024

    func register(on router: Router) {
        router.post("/v1/skp", idempotency.wrap { request in try create(request) })
        router.get("/v1/skp/:id") { request in try show(request) }
        router.put("/v1/skp/:id", bodyLimit: Self.bodyLimit) { request in try update(request) }
        router.post("/v1/skp/:id/submit") { request in try act(request) { _ in .submit } }
        router.post("/v1/skp/:id/review") { request in try act(request) { _ in .review } }
        router.post("/v1/skp/:id/return") { request in
            try act(request) { request in .returnWithNotes(try request.decode(NotesBody.self).notes) }
        }
        router.post("/v1/skp/:id/approve") { request in try act(request) { _ in .approve } }
        router.post("/v1/skp/:id/escalate") { request in try act(request) { _ in .escalate } }
        router.post("/v1/skp/:id/decide") { request in
            try act(request) { request in
                let body = try request.decode(DecisionBody.self)
                return .decide(approve: body.approve, notes: body.notes)
            }
        }
        router.post("/v1/skp/:id/revisions", idempotency.wrap { request in try revise(request) })
        router.get("/v1/me/skp") { request in try mine(request) }
        router.get("/v1/evaluator/skp") { request in try queue(request) }
        router.get("/v1/reports/skp-missing") { request in try missing(request) }
        router.get("/v1/reports/skp-rhk-linkage") { request in try linkage(request) }
    }

    /// `POST /v1/skp`: the caller's own draft for a year, with the evaluator resolved from the
    /// hierarchy and the rule-set version in force recorded.
    func create(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let body = try request.decode(CreateSKPBody.self)
        var errors: [Problem.FieldError] = []
        if !(2000...2100).contains(body.year) {
            errors.append(.init(pointer: "/year", code: "out-of-range", message: "Tahun harus di antara 2000 dan 2100."))
        }
        if let month = body.startMonth, !(1...12).contains(month) {
            errors.append(.init(pointer: "/startMonth", code: "out-of-range", message: "Bulan harus di antara 1 dan 12."))
        }
        guard errors.isEmpty, let january = CivilDate(year: body.year, month: 1, day: 1) else { throw Problem.validation(errors) }
        let (ruleSet, version) = try rules.ruleSet(tenant: principal.tenantID, on: january)
        let today = CivilDate(instant: now(), in: ruleSet.resolvedTimeZone)
        let date = today.year == body.year ? today : january
        guard let placement = try organisation.placement(of: principal.employeeID, tenant: principal.tenantID, on: date) else {
            throw Problem.notFound("Data pegawai tidak ditemukan.")
        }
        guard let evaluator = placement.evaluatorID else {
            throw Problem(slug: "skp-no-evaluator", title: "Pejabat penilai tidak ditemukan", status: .unprocessableContent,
                          detail: "Pejabat penilai kinerja pegawai ini pada \(date) tidak ditemukan dalam struktur organisasi; "
                            + "hubungi admin BKPSDM. (PermenPANRB 6/2022)")
        }
        let at = now()
        let skp = SKP(id: SKPStore.newID(at: at), employeeID: principal.employeeID, year: body.year,
                      startMonth: body.startMonth ?? SKP.startMonth(year: body.year, assignmentStart: placement.assignmentStart),
                      evaluatorID: evaluator, evaluatorSuperiorID: placement.evaluatorSuperiorID,
                      perangkatDaerahID: placement.perangkatDaerahID, ruleSetVersion: version,
                      content: SKPContent.empty(for: ruleSet))
        let created = try store.create(tenant: principal.tenantID, skp, by: principal.employeeID, at: at)
        var response = try Response.json(SKPDocument(created), status: .created)
        response.headers.replaceOrAdd(name: "Location", value: "/v1/skp/" + created.id.uuidString.lowercased())
        return response
    }

    /// `GET /v1/skp/{id}`: the plan with its history, for the people it concerns.
    func show(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skp = try visibleSKP(request, principal)
        return try Response.json(SKPDocument(skp, history: try store.history(tenant: principal.tenantID, id: skp.id)))
    }

    /// `PUT /v1/skp/{id}`: the whole content of an editable plan, validated by the rule set.
    func update(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skp = try visibleSKP(request, principal)
        let content = try request.decode(SKPContent.self)
        let updated = try store.updateContent(tenant: principal.tenantID, id: skp.id, content: content, by: principal.employeeID,
                                              pengelolaOf: principal.pengelolaOf, ruleSet: try ruleSet(for: skp, principal), at: now())
        return try Response.json(SKPDocument(updated))
    }

    /// `POST /v1/skp/{id}/{step}`: one workflow step.
    func act(_ request: Request, _ action: (Request) throws -> SKPAction) throws -> Response {
        let principal = try principals.principal(request)
        let skp = try visibleSKP(request, principal)
        let step = try action(request)
        let (after, _) = try store.perform(step, tenant: principal.tenantID, id: skp.id, by: principal.employeeID,
                                           pengelolaOf: principal.pengelolaOf, ruleSet: try ruleSet(for: skp, principal), at: now())
        return try Response.json(SKPDocument(after, history: try store.history(tenant: principal.tenantID, id: skp.id)))
    }

    /// `POST /v1/skp/{id}/revisions`: a new draft revision of an approved plan.
    func revise(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skp = try visibleSKP(request, principal)
        let revised = try store.revise(tenant: principal.tenantID, id: skp.id, by: principal.employeeID,
                                       ruleSet: try ruleSet(for: skp, principal), at: now())
        return try Response.json(SKPDocument(revised), status: .created)
    }

    /// `GET /v1/me/skp?year=`: the caller's plans of a year.
    func mine(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let year = try Self.year(request)
        let plans = try store.list(tenant: principal.tenantID, employee: principal.employeeID, year: year)
        return try Response.json(SKPListPage(items: plans.map { SKPDocument($0) }, nextCursor: nil))
    }

    /// `GET /v1/evaluator/skp?status=submitted&limit=&cursor=`: the plans waiting on the caller.
    func queue(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let statusText = request.query("status") ?? SKPStatus.submitted.rawValue
        guard let status = SKPStatus(rawValue: statusText) else {
            throw Problem.badRequest("Status tidak dikenal.", errors: [.init(pointer: "/status", code: "invalid_value",
                message: "Salah satu dari: " + SKPStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")])
        }
        let limit = try Self.limit(request)
        let after = try request.query("cursor").map(SKPCursor.decode)
        let page = try store.queue(tenant: principal.tenantID, for: principal.employeeID, status: status, after: after, limit: limit)
        return try Response.json(SKPListPage(items: page.items, nextCursor: page.nextAfter.map(SKPCursor.encode)))
    }

    /// `GET /v1/reports/skp-missing?year=&perangkatDaerah=`: for tenant admins, or the Pengelola
    /// Kinerja of the perangkat daerah asked about.
    func missing(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let (year, perangkatDaerah) = try reportScope(request, principal)
        guard let january = CivilDate(year: year, month: 1, day: 1) else { throw Problem.badRequest("Tahun tidak valid.") }
        let (ruleSet, _) = try rules.ruleSet(tenant: principal.tenantID, on: january)
        let today = CivilDate(instant: now(), in: ruleSet.resolvedTimeZone)
        guard let report = try store.missingReport(tenant: principal.tenantID, year: year, perangkatDaerah: perangkatDaerah,
                                                   ruleSet: ruleSet, asOf: today) else {
            throw Problem.badRequest("Tenggat SKP tahun ini tidak dapat dihitung.")
        }
        return try Response.json(report)
    }

    /// `GET /v1/reports/skp-rhk-linkage?year=&perangkatDaerah=`: the cascade's gaps.
    func linkage(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let (year, perangkatDaerah) = try reportScope(request, principal)
        return try Response.json(try store.linkageReport(tenant: principal.tenantID, year: year, perangkatDaerah: perangkatDaerah))
    }

    // MARK: - Helpers

    /// The SKP of the path, when the caller plays a part in it (or administers the tenant);
    /// otherwise 404, so that plans of others are not even confirmed to exist.
    private func visibleSKP(_ request: Request, _ principal: SKPPrincipal) throws -> SKP {
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)),
              let skp = try store.find(tenant: principal.tenantID, id: id),
              principal.isTenantAdmin || skp.actor(for: principal.employeeID, pengelolaOf: principal.pengelolaOf) != .other else {
            throw Problem.notFound("SKP tidak ditemukan.")
        }
        return skp
    }

    /// The rule set a plan is judged under: the tenant's in force at the start of its year.
    private func ruleSet(for skp: SKP, _ principal: SKPPrincipal) throws -> RuleSet {
        let start = CivilDate(year: skp.year, month: skp.startMonth, day: 1) ?? CivilDate(daysSinceEpoch: 0)
        return try rules.ruleSet(tenant: principal.tenantID, on: start).ruleSet
    }

    private func reportScope(_ request: Request, _ principal: SKPPrincipal) throws -> (Int, UUID?) {
        let year = try Self.year(request)
        var perangkatDaerah: UUID?
        if let text = request.query("perangkatDaerah") {
            guard let id = UUID(uuidString: text) else {
                throw Problem.badRequest("perangkatDaerah bukan UUID.", errors: [.init(pointer: "/perangkatDaerah",
                    code: "invalid_value", message: "Harus berupa UUID.")])
            }
            perangkatDaerah = id
        }
        guard principal.isTenantAdmin || perangkatDaerah.map(principal.pengelolaOf.contains) == true else {
            throw Problem(slug: "report-not-permitted", title: "Tindakan tidak diizinkan", status: .forbidden,
                          detail: "Laporan ini hanya untuk admin BKPSDM atau pengelola kinerja perangkat daerah yang diminta.")
        }
        return (year, perangkatDaerah)
    }

    private static func year(_ request: Request) throws -> Int {
        guard let text = request.query("year"), let year = Int(text), (2000...2100).contains(year) else {
            throw Problem.badRequest("Parameter year wajib berupa tahun.", errors: [.init(pointer: "/year", code: "required",
                message: "Tahun antara 2000 dan 2100.")])
        }
        return year
    }

    /// The `limit` query parameter of a list: 1–200, 50 when left out (architecture.md, "API conventions").
    static func limit(_ request: Request) throws -> Int {
        guard let text = request.query("limit") else { return 50 }
        guard let limit = Int(text), (1...200).contains(limit) else {
            throw Problem.badRequest("limit harus di antara 1 dan 200.", errors: [.init(pointer: "/limit", code: "out-of-range",
                message: "Antara 1 dan 200.")])
        }
        return limit
    }
}
