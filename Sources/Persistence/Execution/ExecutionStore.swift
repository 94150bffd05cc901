import Foundation
import Kinerja
import Postgres

/// The execution of approved SKPs (migration 0014): timelines and action plans, realisations with
/// evidence, continuous feedback, coaching records and RHK takeovers. Every call names the person
/// acting; the store decides their part from the plan and asks `ExecutionPolicy`, so the rules hold
/// whichever client calls. Every write runs in one tenant transaction with its audit entry and, for
/// a change the employee must hear about, its notification job.
public struct ExecutionStore: Sendable {
    let pool: PostgresPool
    let notifier: SKPNotifier

    /// A store over `pool` (the application's connection), queueing notifications through `notifier`.
    public init(pool: PostgresPool, notifier: SKPNotifier) {
        self.pool = pool
        self.notifier = notifier
    }

    /// The timelines, action plans and takeovers of the SKP's approved revision.
    public func overview(tenant: UUID, skp id: UUID, by person: UUID) throws -> ExecutionOverview {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            let (skp, _) = try approvedSKP(id, for: .readPlan, by: person, on: c)
            let plans = try loadPlans(id, on: c)
            let takeovers = Dictionary(try loadTakeovers(id, on: c).map { ($0.rhkID, $0) }, uniquingKeysWith: { a, _ in a })
            return ExecutionOverview(skpID: id, revision: skp.revision, items: skp.content.rhk.map {
                ExecutionOverview.Item(rhk: $0, plan: plans[$0.id], takeover: takeovers[$0.id])
            })
        }
    }

    /// Writes the timeline and action plans of one RHK of the approved revision (Pasal 15), replacing
    /// what was there. Only the employee, and not for an RHK the leader took over.
    public func writePlan(tenant: UUID, skp id: UUID, rhk rhkID: UUID, plan: RHKExecutionPlan, by person: UUID,
                          at: Date) throws -> RHKExecutionPlan {
        try pool.transaction(tenant: tenant) { c in
            let (skp, _) = try approvedSKP(id, for: .writePlan, by: person, on: c)
            guard skp.content.rhk.contains(where: { $0.id == rhkID }) else { throw ExecutionError.rhkNotFound(rhkID) }
            let problems = ExecutionValidator.validate(plan, startMonth: skp.startMonth)
            guard problems.isEmpty else { throw ExecutionError.invalid(problems) }
            if try isTakenOver(id, rhkID, on: c) { throw ExecutionError.rhkTakenOver(rhkID) }
            let before = try loadPlans(id, rhk: rhkID, on: c)[rhkID]
            let t = plan.timeline
            try c.query("""
                INSERT INTO rhk_timeline (tenant_id, skp_id, rhk_id, revision, months, duration, duration_unit, activity_type,
                                          assignment_pattern, updated_by, updated_at)
                VALUES (current_tenant_id(), \(id), \(rhkID), \(skp.revision), \(t.months), \(t.duration), \(t.durationUnit.rawValue),
                        \(t.activityType.rawValue), \(t.assignmentPattern.rawValue), \(person), \(at))
                ON CONFLICT (tenant_id, skp_id, rhk_id) DO UPDATE
                   SET revision = EXCLUDED.revision, months = EXCLUDED.months, duration = EXCLUDED.duration,
                       duration_unit = EXCLUDED.duration_unit, activity_type = EXCLUDED.activity_type,
                       assignment_pattern = EXCLUDED.assignment_pattern, updated_by = EXCLUDED.updated_by,
                       updated_at = EXCLUDED.updated_at
                """)
            try c.query("DELETE FROM rencana_aksi WHERE skp_id = \(id) AND rhk_id = \(rhkID)")
            for (position, aksi) in plan.rencanaAksi.enumerated() {
                try c.query("""
                    INSERT INTO rencana_aksi (tenant_id, skp_id, rhk_id, position, text, months)
                    VALUES (current_tenant_id(), \(id), \(rhkID), \(position), \(aksi.text), \(aksi.months))
                    """)
            }
            try AuditLog.append(try AuditChange(action: before == nil ? "create" : "edit", entity: "rhk_timeline", id: rhkID,
                                                before: before, after: plan),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return plan
        }
    }

    /// Records that the evaluator took over an RHK, with the mandatory note that the employee could
    /// not complete it (Pasal 19 ayat (6)–(7)); the note counts in the evaluation (ayat (8)), read
    /// through `takeovers(tenant:skp:)`. Recorded once; the employee is told.
    public func takeOver(tenant: UUID, skp id: UUID, rhk rhkID: UUID, note: String, by person: UUID, at: Date) throws -> RHKTakeover {
        if let problem = ExecutionValidator.text(note, pointer: "/note", required: true) { throw ExecutionError.invalid([problem]) }
        return try pool.transaction(tenant: tenant) { c in
            let (skp, _) = try approvedSKP(id, for: .takeOver, by: person, on: c)
            guard skp.content.rhk.contains(where: { $0.id == rhkID }) else { throw ExecutionError.rhkNotFound(rhkID) }
            let takeover = RHKTakeover(skpID: id, rhkID: rhkID, revision: skp.revision, takenBy: person, note: note, takenAt: at)
            let inserted = try c.query("""
                INSERT INTO rhk_takeovers (tenant_id, skp_id, rhk_id, revision, taken_by, note, taken_at)
                VALUES (current_tenant_id(), \(id), \(rhkID), \(skp.revision), \(person), \(note), \(at))
                ON CONFLICT (tenant_id, skp_id, rhk_id) DO NOTHING RETURNING rhk_id
                """)
            guard inserted.first != nil else { throw ExecutionError.alreadyTakenOver(rhkID) }
            try AuditLog.append(try AuditChange(action: "take-over", entity: "rhk_takeover", id: rhkID, before: RHKTakeover?.none,
                                                after: takeover),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            try notify("skp.rhk-taken-over", skp: skp, record: rhkID, notes: note, tenant: tenant, on: c)
            return takeover
        }
    }

    /// The RHK taken over in an SKP, for the evaluation (Pasal 19 ayat (8)). No person check: the
    /// caller (the evaluation feature) decides who may read.
    public func takeovers(tenant: UUID, skp id: UUID) throws -> [RHKTakeover] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try loadTakeovers(id, on: c) }
    }

    // MARK: - Shared

    /// The SKP at its latest approved revision, after checking that `person` may do `action`:
    /// unknown or hidden → `skpNotFound`; no approved revision → `skpNotApproved`.
    func approvedSKP(_ id: UUID, for action: ExecutionAction, by person: UUID,
                     on c: PostgresConnection) throws -> (skp: SKP, actor: SKPActor) {
        let plans = SKPStore(pool: pool, notifier: notifier)
        guard let current = try plans.load(id, on: c, lock: false) else { throw ExecutionError.skpNotFound }
        let actor = current.actor(for: person)
        try ExecutionPolicy.authorize(action, actor: actor)
        if current.status == .approved { return (current, actor) }
        guard let approved = try c.query("""
            SELECT max(revision) FROM skp_revisions WHERE skp_id = \(id) AND status = 'approved'
            """).first?.decode(Int?.self, at: 0),
              let skp = try plans.load(id, on: c, lock: false, revision: approved) else {
            throw ExecutionError.skpNotApproved
        }
        return (skp, actor)
    }

    /// Queues a notification to the SKP's employee in the caller's transaction; the record's id
    /// makes it unique, so a retried write never queues twice.
    func notify(_ kind: String, skp: SKP, record: UUID, notes: String?, tenant: UUID, on c: PostgresConnection) throws {
        var notification = SKPNotification(kind: kind, tenantID: tenant, skpID: skp.id, revision: skp.revision, step: 0,
                                           recipientID: skp.employeeID, notes: notes)
        notification.uniqueKey = "\(kind):\(tenant.uuidString.lowercased()):\(record.uuidString.lowercased())"
        try notifier.enqueue(notification, c)
    }

    private func isTakenOver(_ id: UUID, _ rhkID: UUID, on c: PostgresConnection) throws -> Bool {
        try c.query("SELECT 1 FROM rhk_takeovers WHERE skp_id = \(id) AND rhk_id = \(rhkID)").first != nil
    }

    func ensureNotTakenOver(_ id: UUID, _ rhkID: UUID, on c: PostgresConnection) throws {
        if try isTakenOver(id, rhkID, on: c) { throw ExecutionError.rhkTakenOver(rhkID) }
    }

    private func loadPlans(_ id: UUID, rhk: UUID? = nil, on c: PostgresConnection) throws -> [UUID: RHKExecutionPlan] {
        var aksi: [UUID: [RencanaAksi]] = [:]
        for row in try c.query("""
            SELECT rhk_id, text, months::int8[] FROM rencana_aksi
             WHERE skp_id = \(id) AND (\(rhk)::uuid IS NULL OR rhk_id = \(rhk)) ORDER BY rhk_id, position
            """) {
            let (rhkID, text, months) = try row.decode((UUID, String, [Int]).self)
            aksi[rhkID, default: []].append(RencanaAksi(text: text, months: months))
        }
        var plans: [UUID: RHKExecutionPlan] = [:]
        for row in try c.query("""
            SELECT rhk_id, months::int8[], duration, duration_unit, activity_type, assignment_pattern FROM rhk_timeline
             WHERE skp_id = \(id) AND (\(rhk)::uuid IS NULL OR rhk_id = \(rhk))
            """) {
            let (rhkID, months, duration, unit, type, pattern) = try row.decode((UUID, [Int], Int, String, String, String).self)
            let timeline = RHKTimeline(months: months, duration: duration, durationUnit: RHKTimeline.DurationUnit(rawValue: unit) ?? .bulan,
                                       activityType: RHKTimeline.ActivityType(rawValue: type) ?? .rutin,
                                       assignmentPattern: RHKTimeline.AssignmentPattern(rawValue: pattern) ?? .mandiri)
            plans[rhkID] = RHKExecutionPlan(timeline: timeline, rencanaAksi: aksi[rhkID] ?? [])
        }
        return plans
    }

    private func loadTakeovers(_ id: UUID, on c: PostgresConnection) throws -> [RHKTakeover] {
        try c.query("""
            SELECT rhk_id, revision, taken_by, note, taken_at FROM rhk_takeovers WHERE skp_id = \(id) ORDER BY taken_at, rhk_id
            """).map { row in
            let (rhk, revision, by, note, at) = try row.decode((UUID, Int, UUID, String, Date).self)
            return RHKTakeover(skpID: id, rhkID: rhk, revision: revision, takenBy: by, note: note, takenAt: at)
        }
    }
}
