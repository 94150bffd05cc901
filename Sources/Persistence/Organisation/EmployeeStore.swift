import Foundation
import Kinerja
import Postgres

/// The tenant's employees (pegawai ASN). NIPs arrive validated (`NIP` values); the store keeps
/// them unique per tenant. Employees are never deleted: their history refers to them.
public struct EmployeeStore: Sendable {
    let pool: PostgresPool
    let clock: StoreClock

    /// A store over `pool`, stamping audit entries with `clock`.
    public init(pool: PostgresPool, clock: @escaping StoreClock = { Date() }) {
        self.pool = pool
        self.clock = clock
    }

    static let columns = "id, nip, name, type, status, managed_by_instansi_pembina, email"

    /// Creates an employee from `draft` (its id is ignored; a new one is made).
    public func create(tenant: UUID, actor: AuditActor, _ draft: Employee) throws -> Employee {
        try Self.check(draft)
        var value = draft
        value.id = .timeOrdered()
        return try write(tenant: tenant) { c in
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status, managed_by_instansi_pembina, email)
                VALUES (\(tenant), \(value.id), \(value.nip.digits), \(value.name), \(value.type.rawValue), \(value.status.rawValue),
                        \(value.managedByInstansiPembina), \(value.email))
                """)
            try AuditLog.append(AuditChange(action: "create", entity: "employee", id: value.id, before: Employee?.none, after: value),
                                tenant: tenant, actor: actor, at: clock(), on: c)
            return value
        }
    }

    /// Replaces an employee's fields (the id stays).
    public func update(tenant: UUID, actor: AuditActor, _ value: Employee) throws -> Employee {
        try Self.check(value)
        return try write(tenant: tenant) { c in
            guard let before = try Self.employee(c, id: value.id, lock: true) else { throw OrganisationError.notFound("Pegawai") }
            guard before != value else { return before }
            try c.query("""
                UPDATE employees SET nip = \(value.nip.digits), name = \(value.name), type = \(value.type.rawValue),
                       status = \(value.status.rawValue), managed_by_instansi_pembina = \(value.managedByInstansiPembina),
                       email = \(value.email), updated_at = now()
                 WHERE id = \(value.id)
                """)
            try AuditLog.append(AuditChange(action: "update", entity: "employee", id: value.id, before: before, after: value),
                                tenant: tenant, actor: actor, at: clock(), on: c)
            return value
        }
    }

    /// One employee.
    public func employee(tenant: UUID, id: UUID) throws -> Employee? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.employee(c, id: id, lock: false) }
    }

    /// The employee with this NIP.
    public func employee(tenant: UUID, nip: NIP) throws -> Employee? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("SELECT \(unescaped: Self.columns) FROM employees WHERE nip = \(nip.digits)").first.map(Self.employee)
        }
    }

    /// Employees in id order.
    public func list(tenant: UUID, after: UUID?, limit: Int) throws -> ListPage<Employee> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT \(unescaped: Self.columns) FROM employees WHERE \(after) IS NULL OR id > \(after) ORDER BY id LIMIT \(limit + 1)
                """).map(Self.employee)
            return ListPage(rows: rows, limit: limit, id: \.id)
        }
    }

    static func check(_ value: Employee) throws {
        if let error = OrganisationRules.checkName(value.name) ?? OrganisationRules.checkEmail(value.email) { throw error }
    }

    static func employee(_ c: PostgresConnection, id: UUID, lock: Bool) throws -> Employee? {
        try c.query("SELECT \(unescaped: columns) FROM employees WHERE id = \(id) \(unescaped: lock ? "FOR UPDATE" : "")").first.map(employee)
    }

    static func employee(_ row: PostgresRow) throws -> Employee {
        let (id, nip, name, type, status, pembina, email) = try row.decode((UUID, String, String, String, String, Bool, String?).self)
        return Employee(id: id, nip: NIP(storedDigits: nip), name: name, type: EmployeeType(rawValue: type) ?? .pns,
                        status: EmployeeStatus(rawValue: status) ?? .aktif, managedByInstansiPembina: pembina, email: email)
    }

    func write<T>(tenant: UUID, _ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try pool.transaction(tenant: tenant, body)
        } catch let error as PostgresError {
            throw error.organisationError(uniqueField: "nip") ?? error
        }
    }
}
