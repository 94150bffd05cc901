import Foundation
import Kinerja
import Postgres

/// Assignments of employees to jabatan and admins' evaluator overrides: date ranges that are
/// created and closed, never rewritten, so `evaluator(of:on:)` answers for any past date.
public struct AssignmentStore: Sendable {
    let pool: PostgresPool
    let clock: StoreClock

    /// A store over `pool`, stamping audit entries with `clock`.
    public init(pool: PostgresPool, clock: @escaping StoreClock = { Date() }) {
        self.pool = pool
        self.clock = clock
    }

    // MARK: Assignments

    /// Assigns `employeeID` to `jabatanID` over `period`. Refused: a second definitive post for
    /// the employee on overlapping dates (the exclusion constraint); a second definitive holder
    /// of a structural post (JPT, Administrator, Pengawas hold one person at a time).
    public func assign(tenant: UUID, actor: AuditActor, employeeID: UUID, jabatanID: UUID, kind: AssignmentKind,
                       period: DateRange) throws -> Assignment {
        let value = Assignment(id: .timeOrdered(), employeeID: employeeID, jabatanID: jabatanID, kind: kind, period: period)
        return try write(tenant: tenant) { c in
            guard try EmployeeStore.employee(c, id: employeeID, lock: false) != nil else {
                throw OrganisationError.unknownReference("employeeId", "Pegawai")
            }
            guard let jabatan = try OrganisationStore.jabatan(c, id: jabatanID) else {
                throw OrganisationError.unknownReference("jabatanId", "Jabatan")
            }
            // Serialise assignments to one post, so the single-holder check below cannot race.
            try c.query("SELECT pg_advisory_xact_lock(\(Int32(0x4153_474e)), hashtext(\(jabatanID.uuidString.lowercased())))")  // "ASGN"
            if kind == .definitif, jabatan.kind.isSingleHolder {
                let taken = try c.query("""
                    SELECT 1 FROM assignments
                     WHERE jabatan_id = \(jabatanID) AND kind = 'definitif'
                       AND daterange(valid_from, valid_until, '[]') && daterange(\(period.from.description)::date, \(period.until?.description)::date, '[]')
                    """)
                guard taken.isEmpty else {
                    throw OrganisationError(field: "jabatanId", code: "jabatan_occupied",
                                            message: "Jabatan \(jabatan.name) sudah dijabat definitif oleh pegawai lain pada periode ini.")
                }
            }
            try c.query("""
                INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from, valid_until)
                VALUES (\(tenant), \(value.id), \(employeeID), \(jabatanID), \(kind.rawValue),
                        \(period.from.description)::date, \(period.until?.description)::date)
                """)
            try AuditLog.append(AuditChange(action: "create", entity: "assignment", id: value.id, before: Assignment?.none, after: value),
                                tenant: tenant, actor: actor, at: clock(), on: c)
            return value
        }
    }

    /// Closes an open assignment on `until` (its last day). A closed one is never reopened or
    /// moved: a correction is a new assignment, so the record of the past stays as it was.
    public func end(tenant: UUID, actor: AuditActor, assignmentID: UUID, until: CivilDate) throws -> Assignment {
        try write(tenant: tenant) { c in
            guard let before = try c.query("SELECT \(unescaped: Self.assignmentColumns) FROM assignments WHERE id = \(assignmentID) FOR UPDATE")
                .first.map(Self.assignment) else { throw OrganisationError.notFound("Penempatan") }
            var after = before
            after.period = try Self.closed(before.period, until: until)
            try c.query("UPDATE assignments SET valid_until = \(until.description)::date WHERE id = \(assignmentID)")
            try AuditLog.append(AuditChange(action: "end", entity: "assignment", id: assignmentID, before: before, after: after),
                                tenant: tenant, actor: actor, at: clock(), on: c)
            return after
        }
    }

    /// The assignments of one employee, oldest first.
    public func assignments(tenant: UUID, employeeID: UUID) throws -> [Assignment] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT \(unescaped: Self.assignmentColumns) FROM assignments WHERE employee_id = \(employeeID) ORDER BY valid_from, id
                """).map(Self.assignment)
        }
    }

    /// One assignment.
    public func assignment(tenant: UUID, id: UUID) throws -> Assignment? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("SELECT \(unescaped: Self.assignmentColumns) FROM assignments WHERE id = \(id)").first.map(Self.assignment)
        }
    }

    /// Assignments in id order.
    public func listAssignments(tenant: UUID, after: UUID?, limit: Int) throws -> ListPage<Assignment> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT \(unescaped: Self.assignmentColumns) FROM assignments WHERE \(after) IS NULL OR id > \(after) ORDER BY id LIMIT \(limit + 1)
                """).map(Self.assignment)
            return ListPage(rows: rows, limit: limit, id: \.id)
        }
    }

    static let assignmentColumns = "id, employee_id, jabatan_id, kind, valid_from::text, valid_until::text"

    static func assignment(_ row: PostgresRow) throws -> Assignment {
        let (id, employee, jabatan, kind, from, until) = try row.decode((UUID, UUID, UUID, String, String, String?).self)
        return Assignment(id: id, employeeID: employee, jabatanID: jabatan, kind: AssignmentKind(rawValue: kind) ?? .definitif,
                          period: try period(from, until))
    }

    // MARK: Overrides

    /// Sets `evaluatorID` as the pejabat penilai of `employeeID` over `period` (an admin's
    /// correction of the mapping, or a delegation). Overlapping overrides are refused.
    public func override(tenant: UUID, actor: AuditActor, employeeID: UUID, evaluatorID: UUID, period: DateRange,
                         reason: String) throws -> EvaluatorOverride {
        guard employeeID != evaluatorID else {
            throw OrganisationError(field: "evaluatorId", code: "self_evaluation", message: "Pegawai tidak dapat menilai dirinya sendiri.")
        }
        guard (1...500).contains(reason.trimmingCharacters(in: .whitespaces).count) else {
            throw OrganisationError(field: "reason", code: "invalid_reason", message: "Alasan wajib diisi, paling panjang 500 karakter.")
        }
        let value = EvaluatorOverride(id: .timeOrdered(), employeeID: employeeID, evaluatorID: evaluatorID, period: period, reason: reason)
        return try write(tenant: tenant) { c in
            guard try EmployeeStore.employee(c, id: employeeID, lock: false) != nil else {
                throw OrganisationError.unknownReference("employeeId", "Pegawai")
            }
            guard try EmployeeStore.employee(c, id: evaluatorID, lock: false) != nil else {
                throw OrganisationError.unknownReference("evaluatorId", "Pejabat penilai")
            }
            try c.query("""
                INSERT INTO evaluator_overrides (tenant_id, id, employee_id, evaluator_employee_id, valid_from, valid_until, reason)
                VALUES (\(tenant), \(value.id), \(employeeID), \(evaluatorID), \(period.from.description)::date,
                        \(period.until?.description)::date, \(reason))
                """)
            try AuditLog.append(AuditChange(action: "create", entity: "evaluator_override", id: value.id,
                                            before: EvaluatorOverride?.none, after: value),
                                tenant: tenant, actor: actor, at: clock(), on: c)
            return value
        }
    }

    /// Closes an open override on `until`.
    public func endOverride(tenant: UUID, actor: AuditActor, overrideID: UUID, until: CivilDate) throws -> EvaluatorOverride {
        try write(tenant: tenant) { c in
            guard let before = try c.query("SELECT \(unescaped: Self.overrideColumns) FROM evaluator_overrides WHERE id = \(overrideID) FOR UPDATE")
                .first.map(Self.override) else { throw OrganisationError.notFound("Penetapan pejabat penilai") }
            var after = before
            after.period = try Self.closed(before.period, until: until)
            try c.query("UPDATE evaluator_overrides SET valid_until = \(until.description)::date WHERE id = \(overrideID)")
            try AuditLog.append(AuditChange(action: "end", entity: "evaluator_override", id: overrideID, before: before, after: after),
                                tenant: tenant, actor: actor, at: clock(), on: c)
            return after
        }
    }

    /// The overrides of one employee, oldest first.
    public func overrides(tenant: UUID, employeeID: UUID) throws -> [EvaluatorOverride] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT \(unescaped: Self.overrideColumns) FROM evaluator_overrides WHERE employee_id = \(employeeID) ORDER BY valid_from, id
                """).map(Self.override)
        }
    }

    static let overrideColumns = "id, employee_id, evaluator_employee_id, valid_from::text, valid_until::text, reason"

    static func override(_ row: PostgresRow) throws -> EvaluatorOverride {
        let (id, employee, evaluator, from, until, reason) = try row.decode((UUID, UUID, UUID, String, String?, String).self)
        return EvaluatorOverride(id: id, employeeID: employee, evaluatorID: evaluator, period: try period(from, until), reason: reason)
    }

    // MARK: Who evaluates whom

    /// Who evaluated (evaluates) `employeeID` on `date`, and the evaluator's superior, resolved
    /// from the hierarchy, assignments and overrides in force on that date.
    public func evaluator(tenant: UUID, of employeeID: UUID, on date: CivilDate) throws -> EvaluatorResolution {
        let snapshot = try self.snapshot(tenant: tenant, on: date)
        return PejabatPenilaiResolver(snapshot: snapshot).resolve(employeeID, on: date)
    }

    /// The part of the organisation in force on `date`: every jabatan, and the assignments and
    /// overrides whose range contains the date (with the names of the people in them).
    public func snapshot(tenant: UUID, on date: CivilDate) throws -> OrganisationSnapshot {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.snapshot(on: c, from: date, until: date) }
    }

    /// Every jabatan, and the assignments and overrides that overlap `from...until` (with the
    /// names of the people in them when `names`), on the caller's tenant transaction.
    static func snapshot(on c: PostgresConnection, from: CivilDate, until: CivilDate, names wanted: Bool = true) throws -> OrganisationSnapshot {
        let start = from.description, end = until.description
        let jabatan = try c.query("SELECT \(unescaped: OrganisationStore.jabatanColumns) FROM jabatan")
            .map { try OrganisationStore.jabatan($0).node }
        let assignments = try c.query("""
            SELECT \(unescaped: Self.assignmentColumns) FROM assignments
             WHERE valid_from <= \(end)::date AND (valid_until IS NULL OR valid_until >= \(start)::date)
            """).map(Self.assignment)
        let overrides = try c.query("""
            SELECT \(unescaped: Self.overrideColumns) FROM evaluator_overrides
             WHERE valid_from <= \(end)::date AND (valid_until IS NULL OR valid_until >= \(start)::date)
            """).map(Self.override)
        var names: [UUID: String] = [:]
        if wanted {
            let ids = Array(Set(assignments.map(\.employeeID) + overrides.flatMap { [$0.employeeID, $0.evaluatorID] }))
            for row in try c.query("SELECT id, name FROM employees WHERE id = ANY(\(ids))") {
                let (id, name) = try row.decode((UUID, String).self)
                names[id] = name
            }
        }
        return OrganisationSnapshot(jabatan: jabatan, assignments: assignments, overrides: overrides, employeeNames: names)
    }

    // MARK: Shared

    static func period(_ from: String, _ until: String?) throws -> DateRange {
        guard let start = CivilDate(iso: from), let range = DateRange(from: start, until: until.flatMap(CivilDate.init(iso:))) else {
            throw PostgresError(kind: .client, debugMessage: "stored date range is malformed")
        }
        return range
    }

    /// `period` closed on `until`: only an open range can be closed, and not before it starts.
    static func closed(_ period: DateRange, until: CivilDate) throws -> DateRange {
        guard period.until == nil else {
            throw OrganisationError(field: "until", code: "already_ended", message: "Periode ini sudah berakhir dan tidak dapat diubah.")
        }
        guard let range = DateRange(from: period.from, until: until) else {
            throw OrganisationError(field: "until", code: "invalid_period", message: "Tanggal akhir tidak boleh sebelum tanggal mulai.")
        }
        return range
    }

    func write<T>(tenant: UUID, _ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try pool.transaction(tenant: tenant, body)
        } catch let error as PostgresError where error.isExclusionViolation {
            throw OrganisationError(field: "validFrom", code: "overlapping_period",
                                    message: "Periode ini tumpang tindih dengan periode lain pegawai yang sama.")
        } catch let error as PostgresError {
            throw error.organisationError(uniqueField: "id") ?? error
        }
    }
}

extension AssignmentStore {
    /// How `employeeID` stands in the organisation on `date`, for access decisions: the
    /// perangkat daerah of their definitive post, their evaluator and the evaluator's superior.
    public func standing(tenant: UUID, of employeeID: UUID, on date: CivilDate) throws -> EmployeeStanding {
        let resolution = try evaluator(tenant: tenant, of: employeeID, on: date)
        let perangkatDaerah = try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT u.perangkat_daerah_id FROM assignments a
                  JOIN jabatan j ON j.id = a.jabatan_id JOIN unit_kerja u ON u.id = j.unit_kerja_id
                 WHERE a.employee_id = \(employeeID) AND a.valid_from <= \(date.description)::date
                   AND (a.valid_until IS NULL OR a.valid_until >= \(date.description)::date)
                 ORDER BY (a.kind = 'definitif') DESC, a.valid_from LIMIT 1
                """).first?.decode(UUID.self, at: 0)
        }
        return EmployeeStanding(perangkatDaerahID: perangkatDaerah, evaluatorID: resolution.evaluator?.employeeID,
                                evaluatorSuperiorID: resolution.evaluatorSuperior?.employeeID)
    }
}

/// An employee's place on a date, as access decisions need it.
public struct EmployeeStanding: Sendable, Equatable {
    /// The perangkat daerah of the employee's post.
    public var perangkatDaerahID: UUID?
    /// Their pejabat penilai.
    public var evaluatorID: UUID?
    /// Their evaluator's superior.
    public var evaluatorSuperiorID: UUID?

    /// Creates a value.
    public init(perangkatDaerahID: UUID?, evaluatorID: UUID?, evaluatorSuperiorID: UUID?) {
        self.perangkatDaerahID = perangkatDaerahID
        self.evaluatorID = evaluatorID
        self.evaluatorSuperiorID = evaluatorSuperiorID
    }
}
