import Foundation
import Kinerja
import Postgres

extension FollowUpStore {
    /// The kind of post each evaluated employee held on the period's last day (a definitive post
    /// before an acting one), joined as `post` to `evaluations ev` and `evaluation_periods p`.
    static let postAtPeriodEnd = """
        LEFT JOIN LATERAL (
              SELECT j.kind, j.jenjang
                FROM assignments a
                JOIN jabatan j ON j.tenant_id = a.tenant_id AND j.id = a.jabatan_id
               WHERE a.tenant_id = ev.tenant_id AND a.employee_id = ev.employee_id
                 AND a.valid_from <= p.ends_on AND (a.valid_until IS NULL OR a.valid_until >= p.ends_on)
               ORDER BY (a.kind = 'definitif') DESC, a.valid_from DESC
               LIMIT 1) post ON true
        """

    /// Opens the improvement windows a final annual period calls for (`ImprovementWindowRule`), in a
    /// perangkat daerah when given. Idempotent: a window exists at most once per evaluation, so asking
    /// again creates only what finalising or an objection decision has since made due.
    public func generateImprovementWindows(tenant: UUID, period id: UUID, perangkatDaerah: UUID?, timeZone: TimeZone,
                                           by user: UUID, at: Date) throws -> ImprovementWindowGeneration {
        try pool.transaction(tenant: tenant) { c in
            guard let period = try EvaluationPeriodInfo.load(id, on: c) else { throw FollowUpStoreError.periodNotFound }
            guard period.isAnnual else { throw FollowUpStoreError.periodNotAnnual }
            let rows = try c.query("""
                SELECT ev.id, ev.employee_id, e.name, e.nip, ev.status, ev.predikat, ev.finalised_at, post.kind
                  FROM evaluations ev
                  JOIN evaluation_periods p ON p.tenant_id = ev.tenant_id AND p.id = ev.period_id
                  JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.employee_id
                  \(unescaped: Self.postAtPeriodEnd)
                 WHERE ev.period_id = \(id) AND ev.status <> 'excluded'
                   AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                 ORDER BY ev.id
                 LIMIT \(Self.rowLimit)
                """).map { try $0.decode((UUID, UUID, String, String, String, String?, Date?, String?).self) }
            var qualifying = 0, notFinal = 0
            var skipped: [String: Int] = [:]
            var created: [ImprovementWindowRecord] = []
            var changes: [AuditChange] = []
            for (evaluation, employee, name, nip, status, predikatText, finalisedAt, kind) in rows {
                guard status == "final", let finalisedAt, let predikat = predikatText.flatMap(ResultPredikat.init(rawValue:)) else {
                    notFinal += 1
                    continue
                }
                let decision = ImprovementWindowRule.decide(annual: true, jabatan: kind.flatMap(JabatanKind.init(rawValue:)),
                                                            predikat: predikat)
                guard decision.qualifies else {
                    skipped[decision.code, default: 0] += 1
                    continue
                }
                qualifying += 1
                let (startsOn, endsOn) = ImprovementWindowRule.window(finalisedOn: CivilDate(instant: finalisedAt, in: timeZone))
                let windowID = UUID.timeOrdered(at: at)
                let inserted = try c.query("""
                    INSERT INTO improvement_windows (tenant_id, id, evaluation_id, employee_id, starts_on, ends_on, status, created_at)
                    VALUES (\(tenant), \(windowID), \(evaluation), \(employee), \(startsOn.description)::date,
                            \(endsOn.description)::date, 'open', \(at))
                    ON CONFLICT (tenant_id, evaluation_id) DO NOTHING
                    RETURNING id
                    """)
                guard inserted.first != nil else { continue }
                let record = ImprovementWindowRecord(
                    id: windowID.uuidString.lowercased(), evaluationID: evaluation.uuidString.lowercased(),
                    employeeID: employee.uuidString.lowercased(), name: name, nip: nip, predikat: predikat.rawValue,
                    startsOn: startsOn.description, endsOn: endsOn.description, status: "open")
                created.append(record)
                changes.append(try AuditChange(action: "create", entity: "improvement_window", id: windowID,
                                               before: ImprovementWindowRecord?.none, after: record))
            }
            try AuditLog.append(changes, tenant: tenant, actor: .user(user), at: at, on: c)
            return ImprovementWindowGeneration(
                period: period, qualifying: qualifying, created: created.count, existing: qualifying - created.count,
                skipped: skipped.sorted { $0.key < $1.key }.map { .init(code: $0.key, count: $0.value) }, notFinal: notFinal,
                excluded: try ExclusionSummary.load(period: id, perangkatDaerah: perangkatDaerah, on: c), windows: created,
                basis: [ImprovementWindowRule.jptBasis.description, ImprovementWindowRule.administrasiBasis.description,
                        "PP 30/2019 Pasal 56–58"])
        }
    }

    /// Which windows to list.
    public enum WindowFilter: String, Sendable, CaseIterable {
        /// Open windows.
        case open
        /// Open windows whose last day is within `endingWithinDays` of today (or already passed).
        case ending
        /// Windows with an outcome.
        case closed
        /// All.
        case all
    }

    /// Days ahead that count as "ending".
    public static let endingWithinDays = 30

    /// Improvement windows of the tenant, in a perangkat daerah when given, soonest ending first.
    public func improvementWindows(tenant: UUID, filter: WindowFilter, today: CivilDate, perangkatDaerah: UUID?,
                                   limit: Int) throws -> [ImprovementWindowRecord] {
        let endingBy = today.adding(days: Self.endingWithinDays).description
        return try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                \(unescaped: Self.windowSelect)
                 WHERE (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                   AND CASE \(filter.rawValue)
                         WHEN 'open' THEN w.status = 'open'
                         WHEN 'ending' THEN w.status = 'open' AND w.ends_on <= \(endingBy)::date
                         WHEN 'closed' THEN w.status <> 'open'
                         ELSE true END
                 ORDER BY w.ends_on, w.id
                 LIMIT \(limit)
                """).map(Self.windowRecord)
        }
    }

    /// Records how a window ended, when `permits` allows the caller on the employee's perangkat daerah
    /// and `ImprovementOutcome.refusal` does not refuse (`today` in the tenant's zone).
    public func recordOutcome(tenant: UUID, window id: UUID, outcome: ImprovementOutcome, notes: String?, by user: UUID,
                              at: Date, today: CivilDate, permits: (UUID?) -> Bool) throws -> ImprovementWindowRecord {
        try pool.transaction(tenant: tenant) { c in
            guard let row = try c.query("""
                SELECT w.status, w.ends_on, ev.perangkat_daerah_id
                  FROM improvement_windows w
                  JOIN evaluations ev ON ev.tenant_id = w.tenant_id AND ev.id = w.evaluation_id
                 WHERE w.id = \(id)
                 FOR UPDATE OF w
                """).first else { throw FollowUpStoreError.windowNotFound }
            let (status, endsOn, perangkatDaerah) = try row.decode((String, PostgresDate, UUID?).self)
            guard permits(perangkatDaerah) else { throw FollowUpStoreError.notPermitted }
            if let refusal = outcome.refusal(status: status, endsOn: CivilDate(endsOn), today: today) {
                throw FollowUpStoreError.outcome(refusal)
            }
            let before = try loadWindow(id, on: c)
            try c.query("""
                UPDATE improvement_windows SET status = \(outcome.rawValue), outcome_notes = \(notes), outcome_by = \(user),
                       outcome_at = \(at)
                 WHERE id = \(id)
                """)
            guard let after = try loadWindow(id, on: c) else { throw FollowUpStoreError.windowNotFound }
            try AuditLog.append(try AuditChange(action: "outcome", entity: "improvement_window", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(user), at: at, on: c)
            return after
        }
    }

    private func loadWindow(_ id: UUID, on c: PostgresConnection) throws -> ImprovementWindowRecord? {
        try c.query("""
            \(unescaped: Self.windowSelect)
             WHERE w.id = \(id)
            """).first.map(Self.windowRecord)
    }

    /// The columns `windowRecord` decodes, from `improvement_windows w` with its evaluation `ev` and employee `e`.
    static let windowSelect = """
        SELECT w.id, w.evaluation_id, w.employee_id, e.name, e.nip, ev.predikat, w.starts_on, w.ends_on, w.status,
               w.outcome_notes, w.outcome_by, w.outcome_at
          FROM improvement_windows w
          JOIN evaluations ev ON ev.tenant_id = w.tenant_id AND ev.id = w.evaluation_id
          JOIN employees e ON e.tenant_id = w.tenant_id AND e.id = w.employee_id
        """

    static func windowRecord(_ row: PostgresRow) throws -> ImprovementWindowRecord {
        let (id, evaluation, employee, name, nip, predikat, starts, ends, status, notes, by, at) =
            try row.decode((UUID, UUID, UUID, String, String, String?, PostgresDate, PostgresDate, String, String?, UUID?, Date?).self)
        return ImprovementWindowRecord(id: id.uuidString.lowercased(), evaluationID: evaluation.uuidString.lowercased(),
                                       employeeID: employee.uuidString.lowercased(), name: name, nip: nip, predikat: predikat,
                                       startsOn: starts.description, endsOn: ends.description, status: status,
                                       outcomeNotes: notes, outcomeBy: by?.uuidString.lowercased(), outcomeAt: at)
    }
}
