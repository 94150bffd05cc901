import Foundation
import Kinerja
import Postgres

/// SKP plans (migration 0007): creation, content, workflow, revisions, queues and reports. Every
/// write runs in one tenant transaction that also appends to the audit log and, for a change
/// someone must hear about, queues the notification through `notifier`.
public struct SKPStore: Sendable {
    let pool: PostgresPool
    let notifier: SKPNotifier

    /// A store over `pool` (the application's connection), queueing notifications through `notifier`.
    public init(pool: PostgresPool, notifier: SKPNotifier) {
        self.pool = pool
        self.notifier = notifier
    }

    /// A new SKP id, time-ordered (UUID v7) like every id the application makes (architecture.md, "Data").
    public static func newID(at date: Date) -> UUID { UUID.timeOrdered(at: date) }

    /// Records a new SKP (revision 1, draft) for `skp.employeeID`, created by `person`.
    /// Refuses a second plan for the same employee, year and start month.
    public func create(tenant: UUID, _ skp: SKP, by person: UUID, at: Date) throws -> SKP {
        do {
            return try insert(tenant: tenant, skp, by: person, at: at)
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            // Two creations raced past the check in `insert`; the loser reports the winner's plan.
            let existing = try pool.transaction(tenant: tenant, readOnly: true) { c in
                try c.query("SELECT id FROM skp WHERE employee_id = \(skp.employeeID) AND year = \(skp.year) AND start_month = \(skp.startMonth)")
                    .first?.decode(UUID.self, at: 0)
            }
            guard let existing else { throw error }
            throw SKPStoreError.alreadyExists(existing: existing)
        }
    }

    private func insert(tenant: UUID, _ skp: SKP, by person: UUID, at: Date) throws -> SKP {
        try pool.transaction(tenant: tenant) { c in
            if let existing = try c.query("""
                SELECT id FROM skp WHERE employee_id = \(skp.employeeID) AND year = \(skp.year) AND start_month = \(skp.startMonth)
                """).first {
                throw SKPStoreError.alreadyExists(existing: try existing.decode(UUID.self, at: 0))
            }
            var created = skp
            created.revision = 1
            created.status = .draft
            created.decided = false
            created.approvedAt = nil
            try c.query("""
                INSERT INTO skp (tenant_id, id, employee_id, year, start_month, evaluator_id, evaluator_superior_id,
                                 perangkat_daerah_id, rule_set_version, current_revision, created_at, updated_at)
                VALUES (\(tenant), \(created.id), \(created.employeeID), \(created.year), \(created.startMonth),
                        \(created.evaluatorID), \(created.evaluatorSuperiorID), \(created.perangkatDaerahID),
                        \(created.ruleSetVersion), 1, \(at), \(at))
                """)
            try insertRevision(created, on: c, at: at)
            try appendHistory(skp: created.id, revision: 1, action: "create", from: nil, to: .draft, actor: person,
                              role: .employee, notes: nil, at: at, on: c)
            try AuditLog.append(try AuditChange(action: "create", entity: "skp", id: created.id, before: SKP?.none, after: created),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return created
        }
    }

    /// The SKP with its current revision's content, or nil.
    public func find(tenant: UUID, id: UUID) throws -> SKP? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try load(id, on: c, lock: false) }
    }

    /// One revision's content and status (history: earlier revisions stay readable).
    public func revision(tenant: UUID, id: UUID, number: Int) throws -> SKP? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try load(id, on: c, lock: false, revision: number) }
    }

    /// The employee's SKPs of `year` (one per start month), oldest start first.
    public func list(tenant: UUID, employee: UUID, year: Int) throws -> [SKP] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("SELECT id FROM skp WHERE employee_id = \(employee) AND year = \(year) ORDER BY start_month")
                .map { try $0.decode(UUID.self, at: 0) }
                .compactMap { try load($0, on: c, lock: false) }
        }
    }

    /// The status history of an SKP over all its revisions, oldest first.
    public func history(tenant: UUID, id: UUID) throws -> [SKPStatusChange] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT seq, revision, action, from_status, to_status, actor_id, actor_role, notes, at
                  FROM skp_status_history WHERE skp_id = \(id) ORDER BY seq
                """).map { row in
                let (seq, revision, action, from, to, actor, role, notes, at) =
                    try row.decode((Int, Int, String, String?, String, UUID, String, String?, Date).self)
                return SKPStatusChange(seq: seq, revision: revision, action: action, from: from.flatMap(SKPStatus.init(rawValue:)),
                                       to: SKPStatus(rawValue: to) ?? .draft, actorID: actor,
                                       actorRole: SKPActor(rawValue: role) ?? .other, notes: notes, at: at)
            }
        }
    }

    // MARK: - Rows

    /// Loads an SKP at its current revision (or `revision`), locking the plan row when `lock`.
    func load(_ id: UUID, on c: PostgresConnection, lock: Bool, revision wanted: Int? = nil) throws -> SKP? {
        // The plan and its revision in one statement (every SKP read and each evaluation document).
        guard let row = try c.query("""
            SELECT s.employee_id, s.year, s.start_month, s.evaluator_id, s.evaluator_superior_id, s.perangkat_daerah_id,
                   s.rule_set_version, r.revision, r.status, r.decided, r.lampiran, r.approved_at
              FROM skp s
              JOIN skp_revisions r ON r.tenant_id = s.tenant_id AND r.skp_id = s.id
                                  AND r.revision = coalesce(\(wanted), s.current_revision)
             WHERE s.id = \(id) \(unescaped: lock ? "FOR UPDATE OF s" : "")
            """).first else { return nil }
        let employee = try row.decode(UUID.self, at: 0), year = try row.decode(Int.self, at: 1)
        let startMonth = try row.decode(Int.self, at: 2), evaluator = try row.decode(UUID.self, at: 3)
        let superior = try row.decode(UUID?.self, at: 4), perangkatDaerah = try row.decode(UUID?.self, at: 5)
        let version = try row.decode(String.self, at: 6), number = try row.decode(Int.self, at: 7)
        let status = try row.decode(String.self, at: 8), decided = try row.decode(Bool.self, at: 9)
        let lampiran = try row.decode(PostgresJSONB.self, at: 10), approvedAt = try row.decode(Date?.self, at: 11)
        let content = SKPContent(rhk: try loadRHK(id, revision: number, on: c),
                                 perilaku: try loadPerilaku(id, revision: number, on: c),
                                 lampiran: try lampiran.decode(SKPLampiran.self))
        return SKP(id: id, employeeID: employee, year: year, startMonth: startMonth, evaluatorID: evaluator,
                   evaluatorSuperiorID: superior, perangkatDaerahID: perangkatDaerah, ruleSetVersion: version,
                   revision: number, status: SKPStatus(rawValue: status) ?? .draft, decided: decided, content: content,
                   approvedAt: approvedAt)
    }

    private func loadRHK(_ id: UUID, revision: Int, on c: PostgresConnection) throws -> [RHK] {
        var iki: [UUID: [IKI]] = [:]
        for row in try c.query("""
            SELECT rhk_id, aspect, indicator, approach, target_value, target_text, unit
              FROM skp_iki WHERE skp_id = \(id) AND revision = \(revision) ORDER BY rhk_id, position
            """) {
            let (rhk, aspect, indicator, approach, value, text, unit) =
                try row.decode((UUID, String, String, String, Decimal?, String?, String).self)
            iki[rhk, default: []].append(IKI(aspect: IKI.Aspect(rawValue: aspect) ?? .kuantitas, indicator: indicator,
                                             approach: IKI.Approach(rawValue: approach) ?? .kuantitatif,
                                             targetValue: value, targetText: text, unit: unit))
        }
        return try c.query("""
            SELECT id, kind, text, superior_rhk_id, perjanjian_kinerja
              FROM skp_rhk WHERE skp_id = \(id) AND revision = \(revision) ORDER BY position
            """).map { row in
            let (rhk, kind, text, superior, perjanjian) = try row.decode((UUID, String, String, UUID?, String?).self)
            let link: RHKLink? = superior.map(RHKLink.superiorRHK) ?? perjanjian.map(RHKLink.perjanjianKinerja)
            return RHK(id: rhk, kind: RHK.Kind(rawValue: kind) ?? .utama, text: text, serves: link, iki: iki[rhk] ?? [])
        }
    }

    private func loadPerilaku(_ id: UUID, revision: Int, on c: PostgresConnection) throws -> [PerilakuKerjaEkspektasi] {
        try c.query("""
            SELECT aspect, ekspektasi_khusus FROM skp_perilaku WHERE skp_id = \(id) AND revision = \(revision) ORDER BY position
            """).map { row in
            let (aspect, khusus) = try row.decode((String, String?).self)
            return PerilakuKerjaEkspektasi(aspect: aspect, ekspektasiKhusus: khusus)
        }
    }

    /// Inserts the revision row of `skp` (its `revision`, `status`) with its content.
    func insertRevision(_ skp: SKP, on c: PostgresConnection, at: Date) throws {
        try c.query("""
            INSERT INTO skp_revisions (tenant_id, skp_id, revision, status, decided, lampiran, created_at)
            VALUES (current_tenant_id(), \(skp.id), \(skp.revision), \(skp.status.rawValue), \(skp.decided),
                    \(try PostgresJSONB(encoding: skp.content.lampiran)), \(at))
            """)
        try insertContent(skp.content, skp: skp.id, revision: skp.revision, on: c)
    }

    /// Inserts the RHK, IKI and perilaku rows of a revision.
    func insertContent(_ content: SKPContent, skp: UUID, revision: Int, on c: PostgresConnection) throws {
        for (position, rhk) in content.rhk.enumerated() {
            var superior: UUID?, perjanjian: String?
            switch rhk.serves {
            case .superiorRHK(let id): superior = id
            case .perjanjianKinerja(let text): perjanjian = text
            case nil: break
            }
            try c.query("""
                INSERT INTO skp_rhk (tenant_id, skp_id, revision, id, position, kind, text, superior_rhk_id, perjanjian_kinerja)
                VALUES (current_tenant_id(), \(skp), \(revision), \(rhk.id), \(position), \(rhk.kind.rawValue), \(rhk.text),
                        \(superior), \(perjanjian))
                """)
            for (number, iki) in rhk.iki.enumerated() {
                try c.query("""
                    INSERT INTO skp_iki (tenant_id, skp_id, revision, rhk_id, position, aspect, indicator, approach,
                                         target_value, target_text, unit)
                    VALUES (current_tenant_id(), \(skp), \(revision), \(rhk.id), \(number), \(iki.aspect.rawValue),
                            \(iki.indicator), \(iki.approach.rawValue), \(iki.targetValue), \(iki.targetText), \(iki.unit))
                    """)
            }
        }
        for (position, perilaku) in content.perilaku.enumerated() {
            try c.query("""
                INSERT INTO skp_perilaku (tenant_id, skp_id, revision, aspect, position, ekspektasi_khusus)
                VALUES (current_tenant_id(), \(skp), \(revision), \(perilaku.aspect), \(position), \(perilaku.ekspektasiKhusus))
                """)
        }
    }

    /// Appends a step to the status history; the caller holds the plan's row lock.
    @discardableResult
    func appendHistory(skp: UUID, revision: Int, action: String, from: SKPStatus?, to: SKPStatus, actor: UUID,
                       role: SKPActor, notes: String?, at: Date, on c: PostgresConnection) throws -> Int {
        let next = try c.query("SELECT coalesce(max(seq), 0) + 1 FROM skp_status_history WHERE skp_id = \(skp)")
            .first?.decode(Int.self, at: 0) ?? 1
        try c.query("""
            INSERT INTO skp_status_history (tenant_id, skp_id, seq, revision, action, from_status, to_status, actor_id,
                                            actor_role, notes, at)
            VALUES (current_tenant_id(), \(skp), \(next), \(revision), \(action), \(from?.rawValue), \(to.rawValue),
                    \(actor), \(role.rawValue), \(notes), \(at))
            """)
        return next
    }
}
