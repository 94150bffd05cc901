import Foundation
import Kinerja
import Postgres

/// Perangkat daerah, the unit kerja tree and jabatan of a tenant. Every write appends to the
/// audit log in the same transaction; every access runs in a tenant transaction (RLS).
public struct OrganisationStore: Sendable {
    let pool: PostgresPool
    let clock: StoreClock

    /// A store over `pool`, stamping audit entries with `clock`.
    public init(pool: PostgresPool, clock: @escaping StoreClock = { Date() }) {
        self.pool = pool
        self.clock = clock
    }

    // MARK: Perangkat daerah

    /// Creates a perangkat daerah.
    public func createPerangkatDaerah(tenant: UUID, actor: AuditActor, code: String, name: String) throws -> PerangkatDaerah {
        if let error = OrganisationRules.checkCode(code) ?? OrganisationRules.checkName(name) { throw error }
        let value = PerangkatDaerah(id: .timeOrdered(), code: code, name: name)
        return try write(tenant: tenant, uniqueField: "code") { c in
            try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(tenant), \(value.id), \(code), \(name))")
            try audit(c, tenant, actor, AuditChange(action: "create", entity: "perangkat_daerah", id: value.id, before: PerangkatDaerah?.none, after: value))
            return value
        }
    }

    /// Replaces the name and active flag of a perangkat daerah (the code is its natural key).
    public func updatePerangkatDaerah(tenant: UUID, actor: AuditActor, id: UUID, name: String, active: Bool) throws -> PerangkatDaerah {
        if let error = OrganisationRules.checkName(name) { throw error }
        return try write(tenant: tenant, uniqueField: "code") { c in
            guard let before = try Self.perangkatDaerah(c, id: id, lock: true) else { throw OrganisationError.notFound("Perangkat daerah") }
            var after = before
            after.name = name
            after.active = active
            guard after != before else { return before }
            try c.query("UPDATE perangkat_daerah SET name = \(name), active = \(active), updated_at = now() WHERE id = \(id)")
            try audit(c, tenant, actor, AuditChange(action: "update", entity: "perangkat_daerah", id: id, before: before, after: after))
            return after
        }
    }

    /// One perangkat daerah.
    public func perangkatDaerah(tenant: UUID, id: UUID) throws -> PerangkatDaerah? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.perangkatDaerah(c, id: id, lock: false) }
    }

    /// Perangkat daerah in id order, after `after`.
    public func listPerangkatDaerah(tenant: UUID, after: UUID?, limit: Int) throws -> ListPage<PerangkatDaerah> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT id, code, name, active FROM perangkat_daerah
                 WHERE \(after) IS NULL OR id > \(after) ORDER BY id LIMIT \(limit + 1)
                """).map(Self.perangkatDaerah)
            return ListPage(rows: rows, limit: limit, id: \.id)
        }
    }

    static func perangkatDaerah(_ c: PostgresConnection, id: UUID, lock: Bool) throws -> PerangkatDaerah? {
        try c.query("SELECT id, code, name, active FROM perangkat_daerah WHERE id = \(id) \(unescaped: lock ? "FOR UPDATE" : "")")
            .first.map(perangkatDaerah)
    }

    static func perangkatDaerah(_ row: PostgresRow) throws -> PerangkatDaerah {
        let (id, code, name, active) = try row.decode((UUID, String, String, Bool).self)
        return PerangkatDaerah(id: id, code: code, name: name, active: active)
    }

    // MARK: Unit kerja

    /// Creates a unit under a perangkat daerah, optionally under a parent unit of the same one.
    public func createUnit(tenant: UUID, actor: AuditActor, perangkatDaerahID: UUID, parentID: UUID?, code: String,
                           name: String) throws -> UnitKerja {
        if let error = OrganisationRules.checkCode(code) ?? OrganisationRules.checkName(name) { throw error }
        let value = UnitKerja(id: .timeOrdered(), perangkatDaerahID: perangkatDaerahID, parentID: parentID, code: code, name: name)
        return try write(tenant: tenant, uniqueField: "code") { c in
            try Self.lockStructure(c, tenant)
            try Self.checkUnitPlacement(c, value)
            try c.query("""
                INSERT INTO unit_kerja (tenant_id, id, perangkat_daerah_id, parent_id, code, name)
                VALUES (\(tenant), \(value.id), \(perangkatDaerahID), \(parentID), \(code), \(name))
                """)
            try audit(c, tenant, actor, AuditChange(action: "create", entity: "unit_kerja", id: value.id, before: UnitKerja?.none, after: value))
            return value
        }
    }

    /// Replaces a unit's parent, name and active flag; a parent that would make a cycle is refused.
    public func updateUnit(tenant: UUID, actor: AuditActor, id: UUID, parentID: UUID?, name: String, active: Bool) throws -> UnitKerja {
        if let error = OrganisationRules.checkName(name) { throw error }
        return try write(tenant: tenant, uniqueField: "code") { c in
            try Self.lockStructure(c, tenant)
            guard let before = try Self.unit(c, id: id) else { throw OrganisationError.notFound("Unit kerja") }
            var after = before
            after.parentID = parentID
            after.name = name
            after.active = active
            guard after != before else { return before }
            try Self.checkUnitPlacement(c, after)
            try c.query("UPDATE unit_kerja SET parent_id = \(parentID), name = \(name), active = \(active), updated_at = now() WHERE id = \(id)")
            try audit(c, tenant, actor, AuditChange(action: "update", entity: "unit_kerja", id: id, before: before, after: after))
            return after
        }
    }

    /// One unit.
    public func unit(tenant: UUID, id: UUID) throws -> UnitKerja? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.unit(c, id: id) }
    }

    /// Units in id order, optionally of one perangkat daerah.
    public func listUnits(tenant: UUID, perangkatDaerahID: UUID?, after: UUID?, limit: Int) throws -> ListPage<UnitKerja> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT id, perangkat_daerah_id, parent_id, code, name, active FROM unit_kerja
                 WHERE (\(after) IS NULL OR id > \(after)) AND (\(perangkatDaerahID) IS NULL OR perangkat_daerah_id = \(perangkatDaerahID))
                 ORDER BY id LIMIT \(limit + 1)
                """).map(Self.unit)
            return ListPage(rows: rows, limit: limit, id: \.id)
        }
    }

    static func unit(_ c: PostgresConnection, id: UUID) throws -> UnitKerja? {
        try c.query("SELECT id, perangkat_daerah_id, parent_id, code, name, active FROM unit_kerja WHERE id = \(id)").first.map(unit)
    }

    static func unit(_ row: PostgresRow) throws -> UnitKerja {
        let (id, pd, parent, code, name, active) = try row.decode((UUID, UUID, UUID?, String, String, Bool).self)
        return UnitKerja(id: id, perangkatDaerahID: pd, parentID: parent, code: code, name: name, active: active)
    }

    /// The perangkat daerah exists; the parent exists, is in the same perangkat daerah, and is not
    /// the unit itself or below it (no cycles in the tree).
    static func checkUnitPlacement(_ c: PostgresConnection, _ unit: UnitKerja) throws {
        guard try perangkatDaerah(c, id: unit.perangkatDaerahID, lock: false) != nil else {
            throw OrganisationError.unknownReference("perangkatDaerahId", "Perangkat daerah")
        }
        guard let parentID = unit.parentID else { return }
        guard let parent = try Self.unit(c, id: parentID) else { throw OrganisationError.unknownReference("parentId", "Unit induk") }
        guard parent.perangkatDaerahID == unit.perangkatDaerahID else {
            throw OrganisationError(field: "parentId", code: "parent_in_other_perangkat_daerah",
                                    message: "Unit induk harus berada pada perangkat daerah yang sama.")
        }
        let cycle = try c.query("""
            WITH RECURSIVE up(id, parent_id) AS (
                SELECT id, parent_id FROM unit_kerja WHERE id = \(parentID)
                UNION SELECT u.id, u.parent_id FROM unit_kerja u JOIN up ON u.id = up.parent_id)
            SELECT 1 FROM up WHERE id = \(unit.id)
            """)
        guard cycle.isEmpty else {
            throw OrganisationError(field: "parentId", code: "cycle", message: "Unit induk tidak boleh unit itu sendiri atau unit di bawahnya.")
        }
    }

    // MARK: Jabatan

    /// Creates a jabatan in a unit under a superior post.
    public func createJabatan(tenant: UUID, actor: AuditActor, unitKerjaID: UUID, superiorID: UUID?, code: String, name: String,
                              kind: JabatanKind, jenjang: JenjangFungsional?) throws -> Jabatan {
        if let error = OrganisationRules.checkCode(code) ?? OrganisationRules.checkName(name)
            ?? OrganisationRules.checkJenjang(kind: kind, jenjang: jenjang) { throw error }
        let value = Jabatan(id: .timeOrdered(), unitKerjaID: unitKerjaID, superiorID: superiorID, code: code, name: name,
                            kind: kind, jenjang: jenjang)
        return try write(tenant: tenant, uniqueField: "code") { c in
            try Self.lockStructure(c, tenant)
            try Self.checkJabatanPlacement(c, value)
            try c.query("""
                INSERT INTO jabatan (tenant_id, id, unit_kerja_id, superior_id, code, name, kind, jenjang)
                VALUES (\(tenant), \(value.id), \(unitKerjaID), \(superiorID), \(code), \(name), \(kind.rawValue), \(jenjang?.rawValue))
                """)
            try audit(c, tenant, actor, AuditChange(action: "create", entity: "jabatan", id: value.id, before: Jabatan?.none, after: value))
            return value
        }
    }

    /// Replaces a jabatan's unit, superior, name, kind, jenjang and active flag.
    public func updateJabatan(tenant: UUID, actor: AuditActor, id: UUID, unitKerjaID: UUID, superiorID: UUID?, name: String,
                              kind: JabatanKind, jenjang: JenjangFungsional?, active: Bool) throws -> Jabatan {
        if let error = OrganisationRules.checkName(name) ?? OrganisationRules.checkJenjang(kind: kind, jenjang: jenjang) { throw error }
        return try write(tenant: tenant, uniqueField: "code") { c in
            try Self.lockStructure(c, tenant)
            guard let before = try Self.jabatan(c, id: id) else { throw OrganisationError.notFound("Jabatan") }
            var after = before
            after.unitKerjaID = unitKerjaID
            after.superiorID = superiorID
            after.name = name
            after.kind = kind
            after.jenjang = jenjang
            after.active = active
            guard after != before else { return before }
            try Self.checkJabatanPlacement(c, after)
            try c.query("""
                UPDATE jabatan SET unit_kerja_id = \(unitKerjaID), superior_id = \(superiorID), name = \(name),
                       kind = \(kind.rawValue), jenjang = \(jenjang?.rawValue), active = \(active), updated_at = now()
                 WHERE id = \(id)
                """)
            try audit(c, tenant, actor, AuditChange(action: "update", entity: "jabatan", id: id, before: before, after: after))
            return after
        }
    }

    /// One jabatan.
    public func jabatan(tenant: UUID, id: UUID) throws -> Jabatan? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.jabatan(c, id: id) }
    }

    /// Jabatan in id order, optionally of one unit.
    public func listJabatan(tenant: UUID, unitKerjaID: UUID?, after: UUID?, limit: Int) throws -> ListPage<Jabatan> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT \(unescaped: Self.jabatanColumns) FROM jabatan
                 WHERE (\(after) IS NULL OR id > \(after)) AND (\(unitKerjaID) IS NULL OR unit_kerja_id = \(unitKerjaID))
                 ORDER BY id LIMIT \(limit + 1)
                """).map(Self.jabatan)
            return ListPage(rows: rows, limit: limit, id: \.id)
        }
    }

    static let jabatanColumns = "id, unit_kerja_id, superior_id, code, name, kind, jenjang, active"

    static func jabatan(_ c: PostgresConnection, id: UUID) throws -> Jabatan? {
        try c.query("SELECT \(unescaped: jabatanColumns) FROM jabatan WHERE id = \(id)").first.map(jabatan)
    }

    static func jabatan(_ row: PostgresRow) throws -> Jabatan {
        let (id, unit, superior, code, name, kind, jenjang, active) = try row.decode((UUID, UUID, UUID?, String, String, String, String?, Bool).self)
        return Jabatan(id: id, unitKerjaID: unit, superiorID: superior, code: code, name: name,
                       kind: JabatanKind(rawValue: kind) ?? .pelaksana, jenjang: jenjang.flatMap(JenjangFungsional.init(rawValue:)),
                       active: active)
    }

    /// The unit exists; the superior exists and is not the post itself or below it.
    static func checkJabatanPlacement(_ c: PostgresConnection, _ jabatan: Jabatan) throws {
        guard try unit(c, id: jabatan.unitKerjaID) != nil else { throw OrganisationError.unknownReference("unitKerjaId", "Unit kerja") }
        guard let superiorID = jabatan.superiorID else { return }
        guard try Self.jabatan(c, id: superiorID) != nil else { throw OrganisationError.unknownReference("superiorId", "Jabatan atasan") }
        let cycle = try c.query("""
            WITH RECURSIVE up(id, superior_id) AS (
                SELECT id, superior_id FROM jabatan WHERE id = \(superiorID)
                UNION SELECT j.id, j.superior_id FROM jabatan j JOIN up ON j.id = up.superior_id)
            SELECT 1 FROM up WHERE id = \(jabatan.id)
            """)
        guard cycle.isEmpty else {
            throw OrganisationError(field: "superiorId", code: "cycle", message: "Jabatan atasan tidak boleh jabatan itu sendiri atau bawahannya.")
        }
    }

    // MARK: Shared

    /// Serialises changes to a tenant's unit tree and jabatan hierarchy, so two concurrent moves
    /// cannot together make a cycle that each alone would not.
    static func lockStructure(_ c: PostgresConnection, _ tenant: UUID) throws {
        try c.query("SELECT pg_advisory_xact_lock(\(Int32(0x4f52_4753)), hashtext(\(tenant.uuidString.lowercased())))")  // "ORGS"
    }

    /// A tenant transaction whose database constraint errors become organisation errors.
    func write<T>(tenant: UUID, uniqueField: String, _ body: (PostgresConnection) throws -> T) throws -> T {
        do {
            return try pool.transaction(tenant: tenant, body)
        } catch let error as PostgresError {
            throw error.organisationError(uniqueField: uniqueField) ?? error
        }
    }

    func audit(_ c: PostgresConnection, _ tenant: UUID, _ actor: AuditActor, _ change: AuditChange) throws {
        try AuditLog.append(change, tenant: tenant, actor: actor, at: clock(), on: c)
    }
}

extension OrganisationStore {
    /// The tenant's IANA time zone, in which its civil dates ("today") are reckoned.
    public func timeZone(tenant: UUID) throws -> TimeZone {
        let name = try pool.withConnection(retryOnConnectionLoss: true) { c in
            try c.query("SELECT time_zone FROM tenants WHERE id = \(tenant)").first?.decode(String.self, at: 0)
        }
        return name.flatMap(TimeZone.init(identifier:)) ?? TimeZone(secondsFromGMT: 7 * 3600) ?? .current
    }
}
