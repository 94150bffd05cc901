import Foundation
import HTTP
import Kinerja
import Persistence

/// The evaluation routes (issue 5 items 3 and 6): tenant admins open periods; the organisation's
/// achievement is set per group; employees submit results; evaluators rate; groups are finalised
/// with the distribution check; everyone reads what concerns them, and every list counts the
/// excluded by reason. Refusals name the rule and the article (`EvaluationRefusal+Problem.swift`).
///
/// Who may do what: opening periods and the overdue report — tenant admins; setting capaian and
/// finalising — tenant admins, or the pengelola kinerja of the group's perangkat daerah; rating —
/// the evaluation's evaluator only (a tenant admin only where the evaluation has no evaluator in
/// the system, the top of the hierarchy); submitting results — the employee.
struct EvaluationRoutes {
    let store: EvaluationStore
    let auth: Authenticator
    let ruleSets: RuleSetStore
    let holidays: HolidayStore
    let now: @Sendable () -> Date
    let idempotency: Idempotency

    /// The weighted model's input is at most 100 activities: well under 256 KB.
    static let bodyLimit = 256 * 1024
    /// A team's ratings: room for 100 of them.
    static let teamBodyLimit = 2 * 1024 * 1024

    func register(on router: Router) {
        router.post("/v1/evaluation-periods", idempotency.wrap { request in try open(request) })
        router.get("/v1/evaluation-periods") { request in try periods(request) }
        router.get("/v1/evaluation-periods/:id") { request in try period(request) }
        router.put("/v1/evaluation-periods/:id/groups/:scopeId/capaian") { request in try capaian(request) }
        router.post("/v1/evaluation-periods/:id/groups/:scopeId/finalise") { request in try finalise(request) }
        router.get("/v1/evaluation-periods/:id/evaluations") { request in try list(request) }
        router.get("/v1/evaluations/:id") { request in try show(request) }
        router.post("/v1/evaluations/:id/results") { request in try submit(request) }
        router.put("/v1/evaluations/:id/rating", bodyLimit: Self.bodyLimit) { request in try rate(request) }
        router.put("/v1/evaluation-periods/:id/ratings", bodyLimit: Self.teamBodyLimit) { request in try rateTeam(request) }
        router.get("/v1/me/evaluations") { request in try mine(request) }
        router.get("/v1/reports/evaluations-overdue") { request in try overdue(request) }
    }

    /// `POST /v1/evaluation-periods`: opens a period by the rule set in force on its last day.
    func open(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        try requireAdmin(caller)
        let body = try request.decode(OpenPeriodBody.self)
        var startsOn: CivilDate?
        if let text = body.startsOn {
            guard let date = CivilDate(iso: text) else {
                throw Problem.validation([.init(pointer: "/startsOn", code: "invalid_value", message: "Tanggal YYYY-MM-DD.")])
            }
            startsOn = date
        }
        let wanted = EvaluationSpan.Request(kind: body.kind, year: body.year, month: body.month, quarter: body.quarter,
                                            startsOn: startsOn)
        // The cadence comes from the rule set in force at the start of the year asked; the period's
        // own version is the one in force on its last day.
        guard let january = CivilDate(year: body.year, month: 1, day: 1), (2000...2100).contains(body.year) else {
            throw Problem.validation([.init(pointer: "/year", code: "out-of-range", message: "Tahun antara 2000 dan 2100.")])
        }
        let cadenceRules = try inForce(caller.tenant, on: startsOn ?? january).ruleSet
        let span: EvaluationPeriod
        do { span = try EvaluationSpan.period(for: wanted, periodic: cadenceRules.periodicEvaluation) } catch { throw error.problem }
        let stored = try inForce(caller.tenant, on: span.end)
        let opening = try store.openPeriod(tenant: caller.tenant, kind: body.kind, span: span, ruleSet: stored.ruleSet,
                                           ruleSetVersion: stored.version.reference, by: caller.person,
                                           actor: caller.actor, at: now())
        var response = try Response.json(opening, status: .created)
        response.headers.replaceOrAdd(name: "Location", value: "/v1/evaluation-periods/" + opening.period.id.uuidString.lowercased())
        return response
    }

    /// `GET /v1/evaluation-periods?year=`: tenant admins and pengelola kinerja.
    func periods(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        guard caller.isTenantAdmin || !caller.pengelolaOf.isEmpty else { throw Self.adminOnly }
        guard let text = request.query("year"), let year = Int(text), (2000...2100).contains(year) else {
            throw Problem.badRequest("Parameter year wajib berupa tahun.", errors: [.init(pointer: "/year", code: "required",
                message: "Tahun antara 2000 dan 2100.")])
        }
        return try Response.json(ItemsView(items: try store.periods(tenant: caller.tenant, year: year)))
    }

    /// `GET /v1/evaluation-periods/{id}`: the period, its groups (a pengelola sees their own) and coverage.
    func period(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        guard caller.isTenantAdmin || !caller.pengelolaOf.isEmpty else { throw Self.adminOnly }
        let period = try self.period(request, caller)
        let groups = try store.groups(tenant: caller.tenant, period: period.id)
            .filter { caller.isTenantAdmin || caller.pengelolaOf.contains($0.scopeID) }
        let coverage = caller.isTenantAdmin
            ? try store.coverage(tenant: caller.tenant, period: period.id)
            : try groups.reduce(into: CoverageTally()) { tally, group in
                tally.merge(try store.coverage(tenant: caller.tenant, period: period.id, group: group.scopeID))
            }
        return try Response.json(PeriodView(period: period, groups: groups, coverage: coverage))
    }

    /// `PUT /v1/evaluation-periods/{id}/groups/{scopeId}/capaian`.
    func capaian(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        let (period, scopeID) = try group(request, caller)
        let body = try request.decode(CapaianBody.self)
        let group = try store.setCapaian(tenant: caller.tenant, period: period.id, scopeID: scopeID, capaian: body.capaian,
                                         ruleSet: try ruleSet(of: period, caller), by: caller.person, actor: caller.actor,
                                         at: now())
        return try Response.json(group)
    }

    /// `POST /v1/evaluation-periods/{id}/groups/{scopeId}/finalise`: 422 with every violation, or
    /// 200 with the warnings of a small group.
    func finalise(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        let (period, scopeID) = try group(request, caller)
        let result = try store.finalise(tenant: caller.tenant, period: period.id, scopeID: scopeID,
                                        ruleSet: try ruleSet(of: period, caller), by: caller.person, actor: caller.actor,
                                        at: now())
        return try Response.json(result)
    }

    /// `GET /v1/evaluation-periods/{id}/evaluations?group=&limit=&cursor=`: an evaluator's subordinates;
    /// for a tenant admin every evaluation (or one group's); for a pengelola their perangkat daerah's group.
    func list(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        let period = try self.period(request, caller)
        let group = try request.query("group").map { text in
            guard let id = UUID(uuidString: text) else {
                throw Problem.badRequest("group bukan UUID.", errors: [.init(pointer: "/group", code: "invalid_value", message: "UUID.")])
            }
            return id
        }
        var evaluator: UUID?
        if let group, caller.isTenantAdmin || caller.pengelolaOf.contains(group) {
            evaluator = nil
        } else if caller.isTenantAdmin, group == nil {
            evaluator = nil
        } else if let person = caller.employee {
            evaluator = person
        } else {
            throw Self.adminOnly
        }
        let limit = try SKPRoutes.limit(request)
        let after = try request.query("cursor").map(SKPCursor.decode)
        let page = try store.evaluations(tenant: caller.tenant, period: period.id, evaluator: evaluator, group: group,
                                         after: after, limit: limit)
        return try Response.json(EvaluationListView(items: page.items, nextCursor: page.nextAfter.map(SKPCursor.encode),
                                                    coverage: page.coverage))
    }

    /// `GET /v1/evaluations/{id}`: the employee, the evaluator, the superior, the group's pengelola, tenant admins.
    func show(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        return try Response.json(try visible(request, caller))
    }

    /// `POST /v1/evaluations/{id}/results`: the employee submits; the evaluator's deadline follows
    /// from the rule set's assessment window (Perbup Pasuruan 117/2019 Pasal 15 ayat (2)).
    func submit(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        let evaluation = try visible(request, caller)
        guard let person = caller.employee else { throw EvaluationRefusal.notEmployee }
        let period = try self.period(evaluation.periodID, caller)
        let ruleSet = try ruleSet(of: period, caller)
        let at = now()
        var due: Date?
        if let window = ruleSet.assessment?.window {
            let zone = ruleSet.resolvedTimeZone
            let start = CivilDate(instant: at, in: zone)
            let calendar = try holidays.calendar(tenant: caller.tenant, years: start.year...(start.year + 1))
            due = DeadlineCalculator.deadline(receivedAt: at, timeZone: zone, window: window, holidays: calendar).value.dueInstant
        }
        return try Response.json(try store.submitResults(tenant: caller.tenant, id: evaluation.id, by: person,
                                                         assessmentDueAt: due, at: at))
    }

    /// `PUT /v1/evaluations/{id}/rating`: the evaluator's ratings or scores; re-rating until final.
    func rate(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        let evaluation = try visible(request, caller)
        let rating = try request.decode(RatingBody.self).rating()
        let period = try self.period(evaluation.periodID, caller)
        return try Response.json(try store.rate(tenant: caller.tenant, id: evaluation.id, rating: rating,
                                                by: caller.person, isTenantAdmin: caller.isTenantAdmin, actor: caller.actor,
                                                ruleSet: try ruleSet(of: period, caller), at: now()))
    }

    /// `PUT /v1/evaluation-periods/{id}/ratings`: the evaluator rates several evaluations of the
    /// period in one request and one transaction (their team of 30 in one go): all are stored, or
    /// none with the refusal of the first that failed and its `index`. Who may rate each one is
    /// decided as for one rating (the evaluation's evaluator; a tenant admin where it has none).
    func rateTeam(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        let period = try self.period(request, caller)
        let ratings = try request.decode(TeamRatingBody.self).items()
        let rated = try store.rate(tenant: caller.tenant, period: period.id, ratings: ratings, by: caller.person,
                                   isTenantAdmin: caller.isTenantAdmin, actor: caller.actor,
                                   ruleSet: try ruleSet(of: period, caller), at: now())
        return try Response.json(ItemsView(items: rated))
    }

    /// `GET /v1/me/evaluations`: the caller's own evaluations with the stored explanations.
    func mine(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        guard let person = caller.employee else { return try Response.json(ItemsView<EvaluationRecord>(items: [])) }
        return try Response.json(ItemsView(items: try store.evaluations(tenant: caller.tenant, employee: person)))
    }

    /// `GET /v1/reports/evaluations-overdue?period=`: evaluators with assessments past their deadline.
    func overdue(_ request: Request) throws -> Response {
        let caller = try self.caller(request)
        try requireAdmin(caller)
        let period = try request.query("period").map { text in
            guard let id = UUID(uuidString: text) else {
                throw Problem.badRequest("period bukan UUID.", errors: [.init(pointer: "/period", code: "invalid_value", message: "UUID.")])
            }
            return id
        }
        return try Response.json(ItemsView(items: try store.overdue(tenant: caller.tenant, asOf: now(), period: period)))
    }

    // MARK: - Helpers

    /// The caller: a tenant user, with an employee record unless a pure admin account.
    struct Caller {
        let tenant: UUID
        let employee: UUID?
        let user: UUID
        let pengelolaOf: Set<UUID>
        let isTenantAdmin: Bool
        let actor: AuditActor
        /// Who is recorded as acting: the employee, else the user account.
        var person: UUID { employee ?? user }
    }

    private func caller(_ request: Request) throws -> Caller {
        let principal = try auth.principal(request)
        return Caller(tenant: try principal.tenant(), employee: principal.employeeID, user: principal.userID,
                      pengelolaOf: principal.managedPerangkatDaerah, isTenantAdmin: principal.has(.tenantAdmin),
                      actor: principal.auditActor)
    }

    static let adminOnly = Problem(slug: "evaluation-not-permitted", title: "Tindakan tidak diizinkan", status: .forbidden,
                                   detail: "Tindakan ini hanya untuk admin BKPSDM atau pengelola kinerja perangkat daerah yang bersangkutan.")

    private func requireAdmin(_ caller: Caller) throws {
        guard caller.isTenantAdmin else { throw Self.adminOnly }
    }

    private func period(_ request: Request, _ caller: Caller) throws -> EvaluationPeriodRecord {
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)) else { throw Problem.notFound("Periode tidak ditemukan.") }
        return try period(id, caller)
    }

    private func period(_ id: UUID, _ caller: Caller) throws -> EvaluationPeriodRecord {
        guard let period = try store.period(tenant: caller.tenant, id: id) else { throw Problem.notFound("Periode tidak ditemukan.") }
        return period
    }

    /// The period and group of the path, for a tenant admin or the group's pengelola kinerja.
    private func group(_ request: Request, _ caller: Caller) throws -> (EvaluationPeriodRecord, UUID) {
        let period = try self.period(request, caller)
        guard let scopeID = request.parameter("scopeId").flatMap(UUID.init(uuidString:)) else {
            throw Problem.notFound("Kelompok evaluasi tidak ditemukan.")
        }
        guard caller.isTenantAdmin || caller.pengelolaOf.contains(scopeID) else { throw Self.adminOnly }
        return (period, scopeID)
    }

    /// The evaluation of the path when the caller plays a part in it; otherwise 404.
    private func visible(_ request: Request, _ caller: Caller) throws -> EvaluationRecord {
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)),
              let evaluation = try store.find(tenant: caller.tenant, id: id) else { throw Problem.notFound("Evaluasi tidak ditemukan.") }
        let people = [evaluation.employeeID, evaluation.evaluatorID, evaluation.evaluatorSuperiorID].compactMap { $0 }
        guard caller.isTenantAdmin || caller.employee.map(people.contains) == true
                || evaluation.perangkatDaerahID.map(caller.pengelolaOf.contains) == true else {
            throw Problem.notFound("Evaluasi tidak ditemukan.")
        }
        return evaluation
    }

    private func inForce(_ tenant: UUID, on date: CivilDate) throws -> StoredRuleSetVersion {
        guard let stored = try ruleSets.inForce(tenant: tenant, on: date) else {
            throw Problem(slug: "rule-set-not-in-force", title: "Aturan kinerja belum berlaku", status: .conflict,
                          detail: "Belum ada aturan kinerja yang berlaku untuk kabupaten ini pada \(date); hubungi admin pusat.")
        }
        return stored
    }

    /// The rule set version the period was opened under.
    private func ruleSet(of period: EvaluationPeriodRecord, _ caller: Caller) throws -> RuleSet {
        guard let number = period.ruleSetNumber, let stored = try ruleSets.version(tenant: caller.tenant, number: number) else {
            return try inForce(caller.tenant, on: period.endsOn).ruleSet
        }
        return stored.ruleSet
    }
}
