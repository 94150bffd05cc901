import Foundation
import HTTP
import Kinerja
import Persistence

/// Objections (keberatan, issue 5 item 4): the employee records receiving the evaluation document
/// and files within the rule set's window; the evaluator's superior hears both sides and decides;
/// deciders and tenant admins see deadlines and overdue decisions. Refusals name the article
/// (`ObjectionStoreError+Problem.swift`); evaluations and objections of others answer 404.
struct ObjectionRoutes {
    let store: ObjectionStore
    let auth: Authenticator
    let rules: ObjectionRuleSource
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    /// Texts are at most 4,000 characters; weighted scores list the SKP's activities.
    static let textBodyLimit = 64 * 1024
    static let decisionBodyLimit = 512 * 1024

    func register(on router: Router) {
        router.post("/v1/evaluations/:id/receipt", bodyLimit: Self.textBodyLimit) { request in try receipt(request) }
        router.post("/v1/evaluations/:id/objection", bodyLimit: Self.textBodyLimit,
                    idempotency.wrap { request in try file(request) })
        router.get("/v1/evaluations/:id/objection") { request in try showForEvaluation(request) }
        router.get("/v1/objections/:id") { request in try show(request) }
        router.post("/v1/objections/:id/hearing", bodyLimit: Self.textBodyLimit) { request in try hear(request) }
        router.post("/v1/objections/:id/decision", bodyLimit: Self.decisionBodyLimit) { request in try decide(request) }
        router.get("/v1/me/objections") { request in try mine(request) }
        router.get("/v1/decider/objections") { request in try deciding(request) }
        router.get("/v1/reports/objections-overdue") { request in try overdue(request) }
    }

    /// `POST /v1/evaluations/{id}/receipt`: the evaluated employee received the document now.
    func receipt(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let evaluation = try visibleEvaluation(request, caller)
        let at = now()
        let procedure = try rules.procedure(tenant: caller.tenant, receivedAt: evaluation.windowStart ?? at,
                                            timeZone: evaluation.timeZone)
        let updated = try store.recordReceipt(tenant: caller.tenant, evaluation: evaluation.id, by: try caller.employee(procedure),
                                              procedure: procedure, at: at)
        let (windows, holidays) = try rules.windows(tenant: caller.tenant, for: updated, now: at)
        let filing = ObjectionWindows.filing(receivedAt: at, timeZone: updated.zone, rules: windows,
                                             holidays: holidays)
        return try Response.json(ReceiptView(evaluationId: updated.id.uuidString.lowercased(), receivedAt: updated.receivedAt,
                                             version: updated.version, filing: filing))
    }

    /// `POST /v1/evaluations/{id}/objection {reasons}`: 201 with both deadlines explained.
    func file(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let evaluation = try visibleEvaluation(request, caller)
        let reasons = try ObjectionText.required(request.decode(FileObjectionBody.self).reasons, pointer: "/reasons")
        let at = now()
        let (windows, holidays) = try rules.windows(tenant: caller.tenant, for: evaluation, now: at)
        let employee = try caller.employee(ObjectionWindows.procedureBasis(windows))
        let (record, timeline) = try store.file(tenant: caller.tenant, evaluation: evaluation.id, by: employee, reasons: reasons,
                                                rules: windows, holidays: holidays, at: at)
        var response = try Response.json(ObjectionView(record, now: at, timeline: timeline), status: .created)
        response.headers.replaceOrAdd(name: "Location", value: "/v1/objections/" + record.id.uuidString.lowercased())
        return response
    }

    /// `GET /v1/evaluations/{id}/objection`.
    func showForEvaluation(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let evaluation = try visibleEvaluation(request, caller)
        guard let record = try store.find(tenant: caller.tenant, evaluation: evaluation.id) else {
            throw Problem.notFound("Belum ada keberatan atas evaluasi ini.")
        }
        return try Response.json(ObjectionView(record, now: now()))
    }

    /// `GET /v1/objections/{id}`: for the employee, the evaluator, the decider and tenant admins.
    func show(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        return try Response.json(ObjectionView(try visibleObjection(request, caller), now: now()))
    }

    /// `POST /v1/objections/{id}/hearing {employeeExplanation?, evaluatorExplanation?}`: by the decider.
    func hear(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let record = try visibleObjection(request, caller)
        let body = try request.decode(HearingBody.self)
        let employeeSide = try ObjectionText.optional(body.employeeExplanation, pointer: "/employeeExplanation")
        let evaluatorSide = try ObjectionText.optional(body.evaluatorExplanation, pointer: "/evaluatorExplanation")
        guard employeeSide != nil || evaluatorSide != nil else {
            throw Problem.validation([.init(pointer: "/employeeExplanation", code: "required",
                                            message: "Isi penjelasan pegawai, penjelasan pejabat penilai, atau keduanya.")])
        }
        let (procedure, _) = try context(record, caller)
        let at = now()
        let after = try store.recordHearing(tenant: caller.tenant, objection: record.id, by: try caller.employee(procedure),
                                            employeeExplanation: employeeSide, evaluatorExplanation: evaluatorSide,
                                            procedure: procedure, at: at)
        return try Response.json(ObjectionView(after, now: at))
    }

    /// `POST /v1/objections/{id}/decision {outcome, ratings | scores, recommendation, notes}`: by the decider, once.
    func decide(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let record = try visibleObjection(request, caller)
        let input = try request.decode(DecisionObjectionBody.self).input()
        let (procedure, evaluation) = try context(record, caller)
        let at = now()
        let ruleSet = try rules.periodRuleSet(tenant: caller.tenant, for: evaluation, now: at)
        let after = try store.decide(tenant: caller.tenant, objection: record.id, by: try caller.employee(procedure), input,
                                     ruleSet: ruleSet, procedure: procedure, at: at)
        return try Response.json(ObjectionView(after, now: at))
    }

    /// `GET /v1/me/objections`: the caller's own objections.
    func mine(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let at = now()
        let items = try caller.employeeID.map { try store.forEmployee(tenant: caller.tenant, employee: $0) } ?? []
        return try Response.json(ObjectionList(items: items.map { ObjectionView($0, now: at) }))
    }

    /// `GET /v1/decider/objections`: what the caller decides, undecided first by deadline, with overdue flags.
    func deciding(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        let at = now()
        let items = try caller.employeeID.map { try store.forDecider(tenant: caller.tenant, decider: $0) } ?? []
        return try Response.json(ObjectionList(items: items.map { ObjectionView($0, now: at) }))
    }

    /// `GET /v1/reports/objections-overdue`: the tenant's undecided objections past their decision
    /// deadline, for tenant admins (BKPSDM).
    func overdue(_ request: Request) throws -> Response {
        let caller = try Caller(auth.principal(request))
        guard caller.isTenantAdmin else {
            throw Problem(slug: "report-not-permitted", title: "Tindakan tidak diizinkan", status: .forbidden,
                          detail: "Laporan keberatan yang lewat tenggat hanya untuk admin BKPSDM.")
        }
        let at = now()
        return try Response.json(ObjectionList(items: try store.overdue(tenant: caller.tenant, at: at).map { ObjectionView($0, now: at) }))
    }

    // MARK: - Helpers

    /// A signed-in user of a tenant, with the employee record they are (if any).
    struct Caller {
        let tenant: UUID
        let employeeID: UUID?
        let isTenantAdmin: Bool

        init(_ principal: Principal) throws {
            tenant = try principal.tenant()
            employeeID = principal.employeeID
            isTenantAdmin = principal.has(.tenantAdmin)
        }

        /// The caller's employee record; a user without one takes no part in an objection.
        func employee(_ procedure: LegalBasis) throws -> UUID {
            guard let employeeID else {
                throw Problem(slug: "not-an-employee", title: "Tindakan tidak diizinkan", status: .forbidden,
                              detail: "Pengguna ini tidak terhubung dengan data pegawai. (\(procedure))")
            }
            return employeeID
        }

        func isParty(employee: UUID, evaluator: UUID?, decider: UUID?) -> Bool {
            isTenantAdmin || employeeID.map { [employee, evaluator, decider].contains($0) } == true
        }
    }

    /// The evaluation of the path when the caller is its employee, evaluator, decider or a tenant
    /// admin; otherwise 404, so evaluations of others are not even confirmed to exist.
    private func visibleEvaluation(_ request: Request, _ caller: Caller) throws -> ObjectedEvaluation {
        try visible(request, caller, missing: "Evaluasi tidak ditemukan.") { try store.evaluation(tenant: caller.tenant, id: $0) }
            parties: { ($0.employeeID, $0.evaluatorID, $0.deciderID) }
    }

    /// The objection of the path, on the same terms.
    private func visibleObjection(_ request: Request, _ caller: Caller) throws -> ObjectionRecord {
        try visible(request, caller, missing: "Keberatan tidak ditemukan.") { try store.find(tenant: caller.tenant, id: $0) }
            parties: { ($0.employeeID, $0.evaluatorID, $0.deciderID) }
    }

    private func visible<T>(_ request: Request, _ caller: Caller, missing: String, load: (UUID) throws -> T?,
                            parties: (T) -> (UUID, UUID?, UUID?)) throws -> T {
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)), let value = try load(id) else {
            throw Problem.notFound(missing)
        }
        let (employee, evaluator, decider) = parties(value)
        guard caller.isParty(employee: employee, evaluator: evaluator, decider: decider) else { throw Problem.notFound(missing) }
        return value
    }

    /// The procedure's article (from the rule set in force when the document was received) and the evaluation.
    private func context(_ record: ObjectionRecord, _ caller: Caller) throws -> (LegalBasis, ObjectedEvaluation) {
        guard let evaluation = try store.evaluation(tenant: caller.tenant, id: record.evaluationID) else {
            throw Problem.notFound("Evaluasi tidak ditemukan.")
        }
        return (try rules.procedure(tenant: caller.tenant, receivedAt: record.documentReceivedAt, timeZone: evaluation.timeZone),
                evaluation)
    }
}
