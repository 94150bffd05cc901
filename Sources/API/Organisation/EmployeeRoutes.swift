import Foundation
import HTTP
import Kinerja
import Persistence

/// Employees, their assignments and evaluator overrides, and who evaluates them. Tenant admins
/// manage; an employee, their evaluator, the evaluator's superior and the pengelola kinerja of
/// their perangkat daerah read what concerns that employee.
struct EmployeeRoutes {
    let employees: EmployeeStore
    let assignments: AssignmentStore
    let access: OrganisationAccess
    let idempotency: Idempotency

    static let bodyLimit = 16 * 1024

    func register(on router: Router) {
        router.post("/v1/employees", bodyLimit: Self.bodyLimit, idempotency.wrap { try create($0) })
        router.get("/v1/employees") { try list($0) }
        router.get("/v1/employees/:id") { try show($0) }
        router.put("/v1/employees/:id", bodyLimit: Self.bodyLimit) { try update($0) }
        router.get("/v1/employees/:id/assignments") { try employeeAssignments($0) }
        router.get("/v1/employees/:id/evaluator-overrides") { try employeeOverrides($0) }
        router.get("/v1/employees/:id/evaluator") { try evaluator($0) }
        router.post("/v1/assignments", bodyLimit: Self.bodyLimit, idempotency.wrap { try assign($0) })
        router.get("/v1/assignments") { try listAssignments($0) }
        router.post("/v1/assignments/:id/end", bodyLimit: Self.bodyLimit) { try endAssignment($0) }
        router.post("/v1/evaluator-overrides", bodyLimit: Self.bodyLimit, idempotency.wrap { try createOverride($0) })
        router.post("/v1/evaluator-overrides/:id/end", bodyLimit: Self.bodyLimit) { try endOverride($0) }
    }

    // MARK: Employees

    func create(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let employee = try draft(try request.decode(EmployeeRequest.self), id: UUID(), tenant: caller.tenant)
        return try .json(EmployeeView(employees.create(tenant: caller.tenant, actor: caller.actor, employee)), status: .created)
    }

    func list(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let page = try request.pageRequest()
        return try .json(employees.list(tenant: caller.tenant, after: page.after, limit: page.limit).view(EmployeeView.init))
    }

    func show(_ request: Request) throws -> Response {
        let id = try request.uuidParameter("id", "Pegawai")
        let caller = try access.viewer(request, of: id)
        guard let employee = try employees.employee(tenant: caller.tenant, id: id) else { throw OrganisationError.notFound("Pegawai") }
        return try .json(EmployeeView(employee))
    }

    func update(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let id = try request.uuidParameter("id", "Pegawai")
        let employee = try draft(try request.decode(EmployeeRequest.self), id: id, tenant: caller.tenant)
        return try .json(EmployeeView(employees.update(tenant: caller.tenant, actor: caller.actor, employee)))
    }

    /// The employee a body describes, with its NIP validated against today's date.
    private func draft(_ body: EmployeeRequest, id: UUID, tenant: UUID) throws -> Employee {
        let nip = try NIP(body.nip, type: body.type, today: try access.today(tenant))
        return Employee(id: id, nip: nip, name: body.name, type: body.type, status: body.status ?? .aktif,
                        managedByInstansiPembina: body.managedByInstansiPembina ?? false, email: body.email)
    }

    // MARK: History and the evaluator

    func employeeAssignments(_ request: Request) throws -> Response {
        let id = try request.uuidParameter("id", "Pegawai")
        let caller = try access.viewer(request, of: id)
        return try .json(Page(items: assignments.assignments(tenant: caller.tenant, employeeID: id).map(AssignmentView.init), nextCursor: nil))
    }

    func employeeOverrides(_ request: Request) throws -> Response {
        let id = try request.uuidParameter("id", "Pegawai")
        let caller = try access.viewer(request, of: id)
        return try .json(Page(items: assignments.overrides(tenant: caller.tenant, employeeID: id).map(EvaluatorOverrideView.init), nextCursor: nil))
    }

    /// `GET /v1/employees/{id}/evaluator?on=YYYY-MM-DD`: who evaluates (or evaluated) the
    /// employee on that date (default today), the evaluator's superior, and why.
    func evaluator(_ request: Request) throws -> Response {
        let id = try request.uuidParameter("id", "Pegawai")
        let caller = try access.viewer(request, of: id)
        var date = try access.today(caller.tenant)
        if let text = request.query("on") {
            guard let parsed = CivilDate(iso: text) else {
                throw Problem.validation([Problem.FieldError(pointer: "/on", code: "invalid_date", message: "Tanggal harus berbentuk YYYY-MM-DD.")])
            }
            date = parsed
        }
        return try .json(EvaluatorView(assignments.evaluator(tenant: caller.tenant, of: id, on: date)))
    }

    // MARK: Assignments and overrides

    func assign(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let b = try request.decode(AssignmentRequest.self)
        let value = try assignments.assign(tenant: caller.tenant, actor: caller.actor, employeeID: b.employeeId, jabatanID: b.jabatanId,
                                           kind: b.kind, period: try Self.period(b.validFrom, b.validUntil))
        return try .json(AssignmentView(value), status: .created)
    }

    func listAssignments(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let page = try request.pageRequest()
        return try .json(assignments.listAssignments(tenant: caller.tenant, after: page.after, limit: page.limit).view(AssignmentView.init))
    }

    func endAssignment(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let id = try request.uuidParameter("id", "Penempatan")
        let body = try request.decode(EndRequest.self)
        return try .json(AssignmentView(assignments.end(tenant: caller.tenant, actor: caller.actor, assignmentID: id, until: body.validUntil)))
    }

    func createOverride(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let b = try request.decode(EvaluatorOverrideRequest.self)
        let value = try assignments.override(tenant: caller.tenant, actor: caller.actor, employeeID: b.employeeId, evaluatorID: b.evaluatorId,
                                             period: try Self.period(b.validFrom, b.validUntil), reason: b.reason)
        return try .json(EvaluatorOverrideView(value), status: .created)
    }

    func endOverride(_ request: Request) throws -> Response {
        let caller = try access.manager(request)
        let id = try request.uuidParameter("id", "Penetapan pejabat penilai")
        let body = try request.decode(EndRequest.self)
        return try .json(EvaluatorOverrideView(assignments.endOverride(tenant: caller.tenant, actor: caller.actor, overrideID: id,
                                                                       until: body.validUntil)))
    }

    static func period(_ from: CivilDate, _ until: CivilDate?) throws -> DateRange {
        guard let range = DateRange(from: from, until: until) else {
            throw Problem.validation([Problem.FieldError(pointer: "/validUntil", code: "invalid_period",
                                                         message: "Tanggal akhir tidak boleh sebelum tanggal mulai.")])
        }
        return range
    }
}
