import Foundation
import HTTP
import Kinerja
import Persistence

/// The execution routes (issue 5 item 2; Perbup Tanah Laut 2024 Pasal 14–20): timelines and action
/// plans per RHK, realisations per documentation period with evidence, continuous feedback,
/// coaching records and RHK takeovers on an approved SKP. Every route authenticates first; the
/// store asks `ExecutionPolicy` who may do what, and refusals become problems in
/// `ExecutionError+Problem.swift`.
struct ExecutionRoutes {
    let store: ExecutionStore
    let principals: any SKPPrincipalSource
    let rules: any SKPRuleSource
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    /// A plan is at most 30 action plans of 2,000 characters (up to 4 bytes each) and a timeline.
    static let planBodyLimit = 512 * 1024
    /// A realisation, feedback, coaching record or note: one text of 2,000 characters and at most
    /// ten links of 2,000 characters.
    static let recordBodyLimit = 64 * 1024

    func register(on router: Router) {
        router.get("/v1/skp/:id/execution") { request in try overview(request) }
        router.put("/v1/skp/:id/rhk/:rhkId/plan", bodyLimit: Self.planBodyLimit) { request in try writePlan(request) }
        router.post("/v1/skp/:id/rhk/:rhkId/takeover", bodyLimit: Self.recordBodyLimit,
                    idempotency.wrap { request in try takeOver(request) })
        router.post("/v1/skp/:id/realisations", bodyLimit: Self.recordBodyLimit,
                    idempotency.wrap { request in try document(request) })
        router.get("/v1/skp/:id/realisations") { request in try realisations(request) }
        router.put("/v1/realisations/:id", bodyLimit: Self.recordBodyLimit) { request in try correct(request) }
        router.post("/v1/realisations/:id/files", bodyLimit: ExecutionLimits.maxFileBytes,
                    idempotency.wrap { request in try upload(request) })
        router.get("/v1/realisations/:id/files/:fileId") { request in try download(request) }
        router.delete("/v1/realisations/:id/files/:fileId") { request in try removeFile(request) }
        router.post("/v1/skp/:id/feedback", bodyLimit: Self.recordBodyLimit,
                    idempotency.wrap { request in try giveFeedback(request) })
        router.get("/v1/skp/:id/feedback") { request in try feedback(request) }
        router.post("/v1/skp/:id/coaching", bodyLimit: Self.recordBodyLimit,
                    idempotency.wrap { request in try recordCoaching(request) })
        router.get("/v1/skp/:id/coaching") { request in try coaching(request) }
    }

    /// `GET /v1/skp/{id}/execution`: per RHK of the approved revision, its timeline, action plans and takeover.
    func overview(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let overview = try store.overview(tenant: principal.tenantID, skp: try Self.id(request, "id"), by: principal.employeeID)
        return try Response.json(ExecutionOverviewView(overview))
    }

    /// `PUT /v1/skp/{id}/rhk/{rhkId}/plan`: the RHK's timeline and action plans, whole (Pasal 15).
    func writePlan(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skp = try Self.id(request, "id"), rhk = try Self.id(request, "rhkId")
        let plan = try request.decode(RHKExecutionPlan.self)
        return try Response.json(try store.writePlan(tenant: principal.tenantID, skp: skp, rhk: rhk, plan: plan,
                                                     by: principal.employeeID, at: now()))
    }

    /// `POST /v1/skp/{id}/rhk/{rhkId}/takeover`: the evaluator takes the RHK over, with a note (Pasal 19 ayat (6)–(7)).
    func takeOver(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skp = try Self.id(request, "id"), rhk = try Self.id(request, "rhkId")
        let body = try request.decode(TakeoverBody.self)
        let takeover = try store.takeOver(tenant: principal.tenantID, skp: skp, rhk: rhk, note: body.note,
                                          by: principal.employeeID, at: now())
        return try Response.json(TakeoverView(takeover), status: .created)
    }

    /// `POST /v1/skp/{id}/realisations`: one IKI's realisation for a documentation period (Pasal 14).
    func document(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skpID = try Self.id(request, "id")
        let body = try request.decode(RealisationBody.self)
        let today = try today(principal)
        var date = today
        if let text = body.period {
            guard let given = CivilDate(iso: text) else { throw Self.badDate("/period") }
            date = given
        }
        // BKPSDM sets the documentation period to the evaluation period (Pasal 14 ayat (4)): the
        // cadence of the rule set in force on that date decides it.
        let cadence = try rules.ruleSet(tenant: principal.tenantID, on: date).ruleSet.periodicEvaluation.cadence
        let realisation = try store.document(tenant: principal.tenantID, skp: skpID, rhk: body.rhkID, iki: body.iki, on: date,
                                             cadence: cadence, today: today, entry: body.entry, by: principal.employeeID, at: now())
        var response = try Response.json(RealisationView(realisation), status: .created)
        response.headers.replaceOrAdd(name: "Location", value: "/v1/realisations/" + realisation.id.uuidString.lowercased())
        return response
    }

    /// `GET /v1/skp/{id}/realisations?period=YYYY-MM-DD`: all realisations, or those of the period containing the date.
    func realisations(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skpID = try Self.id(request, "id")
        var period: EvaluationPeriod?
        if let text = request.query("period") {
            guard let date = CivilDate(iso: text) else { throw Self.badDate("/period") }
            let cadence = try rules.ruleSet(tenant: principal.tenantID, on: date).ruleSet.periodicEvaluation.cadence
            period = EvaluationPeriod(containing: date, cadence: cadence)
        }
        let items = try store.realisations(tenant: principal.tenantID, skp: skpID, within: period, by: principal.employeeID)
        return try Response.json(SKPListPage(items: items.map(RealisationView.init), nextCursor: nil))
    }

    /// `PUT /v1/realisations/{id}`: corrects a realisation until its period's evaluation is final.
    func correct(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let body = try request.decode(RealisationCorrectionBody.self)
        let realisation = try store.correct(tenant: principal.tenantID, realisation: try Self.id(request, "id"), entry: body.entry,
                                            by: principal.employeeID, at: now())
        return try Response.json(RealisationView(realisation))
    }

    /// `POST /v1/realisations/{id}/files?name=`: the body is the file itself, its type in Content-Type.
    func upload(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let rid = try Self.id(request, "id")
        guard let name = request.query("name") else {
            throw Problem.badRequest("Parameter name (nama berkas) wajib diisi.",
                                     errors: [.init(pointer: "/name", code: "required", message: "Nama berkas wajib diisi.")])
        }
        let contentType = (request.headers["Content-Type"] ?? "").split(separator: ";").first
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        let file = try store.addFile(tenant: principal.tenantID, realisation: rid, name: name, contentType: contentType,
                                     bytes: request.body, by: principal.employeeID, at: now())
        let view = EvidenceFileView(file, realisation: rid)
        var response = try Response.json(view, status: .created)
        response.headers.replaceOrAdd(name: "Location", value: view.href)
        return response
    }

    /// `GET /v1/realisations/{id}/files/{fileId}`: the file, for the employee, the evaluator and the evaluator's superior.
    func download(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let download = try store.download(tenant: principal.tenantID, realisation: try Self.id(request, "id"),
                                          file: try Self.id(request, "fileId"), by: principal.employeeID)
        var response = Response.bytes(download.bytes, contentType: download.file.contentType)
        response.headers.add(name: "Content-Disposition", value: Self.attachment(download.file.name))
        response.headers.add(name: "ETag", value: "\"\(download.file.sha256)\"")
        // Uploaded by a user: never let a browser guess another type; personal data: no shared cache.
        response.headers.add(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.add(name: "Cache-Control", value: "private, no-store")
        return response
    }

    /// `DELETE /v1/realisations/{id}/files/{fileId}`: withdraws a file before the period is final.
    func removeFile(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        try store.removeFile(tenant: principal.tenantID, realisation: try Self.id(request, "id"), file: try Self.id(request, "fileId"),
                             by: principal.employeeID, at: now())
        return Response.empty()
    }

    /// `POST /v1/skp/{id}/feedback`: continuous feedback from the leader or from others (Pasal 16–18).
    func giveFeedback(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let body = try request.decode(FeedbackBody.self)
        let feedback = try store.giveFeedback(tenant: principal.tenantID, skp: try Self.id(request, "id"), relation: body.relation,
                                              kind: body.kind, rhk: body.rhkID, text: body.text, by: principal.employeeID, at: now())
        return try Response.json(FeedbackView(feedback), status: .created)
    }

    /// `GET /v1/skp/{id}/feedback?limit=&cursor=`: newest first.
    func feedback(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let page = try store.feedback(tenant: principal.tenantID, skp: try Self.id(request, "id"), by: principal.employeeID,
                                      after: try request.query("cursor").map(SKPCursor.decode), limit: try SKPRoutes.limit(request))
        return try Response.json(SKPListPage(items: page.items.map(FeedbackView.init), nextCursor: page.nextAfter.map(SKPCursor.encode)))
    }

    /// `POST /v1/skp/{id}/coaching`: bimbingan or konseling by the evaluator (Pasal 19 ayat (3) huruf c; Pasal 20).
    func recordCoaching(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let skpID = try Self.id(request, "id")
        let body = try request.decode(CoachingBody.self)
        let record = try store.recordCoaching(tenant: principal.tenantID, skp: skpID, kind: body.kind, heldOn: body.heldOn,
                                              notes: body.notes, today: try today(principal),
                                              by: principal.employeeID, at: now())
        return try Response.json(CoachingView(record), status: .created)
    }

    /// `GET /v1/skp/{id}/coaching?limit=&cursor=`: newest first.
    func coaching(_ request: Request) throws -> Response {
        let principal = try principals.principal(request)
        let page = try store.coaching(tenant: principal.tenantID, skp: try Self.id(request, "id"), by: principal.employeeID,
                                      after: try request.query("cursor").map(SKPCursor.decode), limit: try SKPRoutes.limit(request))
        return try Response.json(SKPListPage(items: page.items.map(CoachingView.init), nextCursor: page.nextAfter.map(SKPCursor.encode)))
    }

    // MARK: - Helpers

    /// Today in the tenant's zone (the zone of the rule set in force).
    private func today(_ principal: SKPPrincipal) throws -> CivilDate {
        let instant = now()
        let zone = try rules.ruleSet(tenant: principal.tenantID, on: CivilDate(instant: instant, in: .gmt)).ruleSet.resolvedTimeZone
        return CivilDate(instant: instant, in: zone)
    }

    private static func id(_ request: Request, _ name: String) throws -> UUID {
        guard let id = request.parameter(name).flatMap(UUID.init(uuidString:)) else { throw Problem.notFound("Data tidak ditemukan.") }
        return id
    }

    private static func badDate(_ pointer: String) -> Problem {
        Problem.badRequest("Tanggal tidak valid.", errors: [.init(pointer: pointer, code: "invalid_value", message: "Gunakan YYYY-MM-DD.")])
    }

    /// `attachment` with an ASCII fallback name and the exact name in RFC 5987 form.
    static func attachment(_ name: String) -> String {
        let ascii = String(name.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_" })
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }
}
