import Foundation
import Kinerja
import Postgres

extension EvaluationStore {
    /// One period.
    public func period(tenant: UUID, id: UUID) throws -> EvaluationPeriodRecord? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.period(id, on: c) }
    }

    /// The periods of `year`, by start then kind.
    public func periods(tenant: UUID, year: Int) throws -> [EvaluationPeriodRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("SELECT \(unescaped: Self.periodColumns) FROM evaluation_periods WHERE year = \(year) ORDER BY starts_on, kind")
                .map(Self.period)
        }
    }

    /// The groups of a period with their head counts by status, ordered by name.
    public func groups(tenant: UUID, period: UUID) throws -> [EvaluationGroupRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.groups(period: period, scopeID: nil, on: c) }
    }

    /// One evaluation.
    public func find(tenant: UUID, id: UUID) throws -> EvaluationRecord? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.evaluation(id, on: c, lock: false) }
    }

    /// The evaluations of a period, ordered by id, `limit` (1–200) after `after`: all of them, or those
    /// of one evaluator, or of one group. The page carries the coverage of the whole selection.
    public func evaluations(tenant: UUID, period: UUID, evaluator: UUID? = nil, group: UUID? = nil,
                            after: UUID?, limit: Int) throws -> EvaluationPage {
        let limit = min(max(limit, 1), 200)
        return try pool.transaction(tenant: tenant, readOnly: true) { c in
            let rows = try c.query("""
                SELECT \(unescaped: Self.evaluationColumns) FROM evaluations v JOIN employees e ON e.tenant_id = v.tenant_id AND e.id = v.employee_id
                 WHERE v.period_id = \(period)
                   AND (\(evaluator)::uuid IS NULL OR v.evaluator_id = \(evaluator))
                   AND (\(group)::uuid IS NULL OR v.group_id = \(group))
                   AND (\(after)::uuid IS NULL OR v.id > \(after))
                 ORDER BY v.id LIMIT \(limit + 1)
                """).map(Self.evaluation)
            let coverage = try Self.coverage(on: c, period: period, evaluator: evaluator, group: group)
            let items = Array(rows.prefix(limit))
            return EvaluationPage(items: items, nextAfter: rows.count > limit ? items.last?.id : nil, coverage: coverage)
        }
    }

    /// The employee's own evaluations, newest period first (at most 100).
    public func evaluations(tenant: UUID, employee: UUID) throws -> [EvaluationRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT \(unescaped: Self.evaluationColumns) FROM evaluations v JOIN employees e ON e.tenant_id = v.tenant_id AND e.id = v.employee_id
                  JOIN evaluation_periods p ON p.tenant_id = v.tenant_id AND p.id = v.period_id
                 WHERE v.employee_id = \(employee)
                 ORDER BY p.starts_on DESC, p.kind LIMIT 100
                """).map(Self.evaluation)
        }
    }

    /// Who is obliged and who is excluded in a period (or one group), with the reasons counted.
    public func coverage(tenant: UUID, period: UUID, group: UUID? = nil) throws -> CoverageTally {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try Self.coverage(on: c, period: period, evaluator: nil, group: group)
        }
    }

    /// Assessments whose deadline (`assessment_due_at`) has passed by `asOf` and that are not rated,
    /// per evaluator, most overdue first (optionally one period). Excluded employees never appear:
    /// they are never asked.
    public func overdue(tenant: UUID, asOf: Date, period: UUID? = nil, limit: Int = 200) throws -> [OverdueAssessments] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("""
                SELECT v.evaluator_id, coalesce(e.name, ''), count(*)::int, min(v.assessment_due_at),
                       (array_agg(v.id ORDER BY v.assessment_due_at, v.id))[1:50]
                  FROM evaluations v
                  LEFT JOIN employees e ON e.tenant_id = v.tenant_id AND e.id = v.evaluator_id
                 WHERE v.status IN ('pending', 'submitted') AND v.assessment_due_at < \(asOf) AND v.evaluator_id IS NOT NULL
                   AND (\(period)::uuid IS NULL OR v.period_id = \(period))
                 GROUP BY v.evaluator_id, e.name
                 ORDER BY min(v.assessment_due_at), v.evaluator_id
                 LIMIT \(min(max(limit, 1), 1000))
                """).map { row in
                let (evaluator, name, count, oldest, ids) = try row.decode((UUID, String, Int, Date, [UUID]).self)
                return OverdueAssessments(evaluatorID: evaluator, evaluatorName: name, count: count, oldestDueAt: oldest,
                                          evaluationIDs: ids)
            }
        }
    }

    // MARK: - Rows

    static let periodColumns = """
        id, kind, cadence, year, starts_on::text, ends_on::text, rule_set_version, model, opened_by, opened_at
        """

    static func period(_ id: UUID, on c: PostgresConnection) throws -> EvaluationPeriodRecord? {
        try c.query("SELECT \(unescaped: periodColumns) FROM evaluation_periods WHERE id = \(id)").first.map(period)
    }

    static func period(_ row: PostgresRow) throws -> EvaluationPeriodRecord {
        let (id, kind, cadence, year, start, end, version, model, by, at) =
            try row.decode((UUID, String, String, Int, String, String, String, String, UUID?, Date).self)
        guard let startsOn = CivilDate(iso: start), let endsOn = CivilDate(iso: end) else {
            throw PostgresError(kind: .client, debugMessage: "stored period dates are malformed")
        }
        return EvaluationPeriodRecord(id: id, kind: EvaluationPeriodKind(rawValue: kind) ?? .periodic,
                                      cadence: RuleSet.Cadence(rawValue: cadence) ?? .annual, year: year, startsOn: startsOn,
                                      endsOn: endsOn, ruleSetVersion: version,
                                      model: RuleSet.EvaluationModel(rawValue: model) ?? .quadrant, openedBy: by, openedAt: at)
    }

    static func groups(period: UUID, scopeID: UUID?, on c: PostgresConnection, lock: Bool = false) throws -> [EvaluationGroupRecord] {
        let rows = try c.query("""
            SELECT g.period_id, g.scope, g.scope_id, coalesce(pd.name, uk.name), g.capaian, g.capaian_set_by, g.capaian_set_at,
                   g.finalised_by, g.finalised_at, g.distribution
              FROM evaluation_groups g
              LEFT JOIN perangkat_daerah pd ON g.scope = 'perangkat-daerah' AND pd.tenant_id = g.tenant_id AND pd.id = g.scope_id
              LEFT JOIN unit_kerja uk ON g.scope = 'unit-kerja' AND uk.tenant_id = g.tenant_id AND uk.id = g.scope_id
             WHERE g.period_id = \(period) AND (\(scopeID)::uuid IS NULL OR g.scope_id = \(scopeID))
             ORDER BY coalesce(pd.name, uk.name), g.scope_id
             \(unescaped: lock ? "FOR UPDATE OF g" : "")
            """)
        var counts: [UUID: [String: Int]] = [:]
        for row in try c.query("""
            SELECT group_id, status, count(*)::int FROM evaluations
             WHERE period_id = \(period) AND (\(scopeID)::uuid IS NULL OR group_id = \(scopeID))
             GROUP BY group_id, status
            """) {
            let (group, status, count) = try row.decode((UUID, String, Int).self)
            counts[group, default: [:]][status] = count
        }
        return try rows.map { row in
            let (periodID, scope, scopeID, name, capaian, setBy, setAt, finalisedBy, finalisedAt, distribution) =
                try row.decode((UUID, String, UUID, String?, String?, UUID?, Date?, UUID?, Date?, PostgresJSONB?).self)
            return EvaluationGroupRecord(
                periodID: periodID, scope: RuleSet.DistributionScope(rawValue: scope) ?? .instansi, scopeID: scopeID, name: name,
                capaian: capaian.flatMap(CapaianKinerjaOrganisasi.init(rawValue:)), capaianSetBy: setBy, capaianSetAt: setAt,
                finalisedBy: finalisedBy, finalisedAt: finalisedAt,
                distribution: try distribution?.decode(DistributionCheck.Result.self), statusCounts: counts[scopeID] ?? [:])
        }
    }

    static let evaluationColumns = """
        v.id, v.period_id, v.employee_id, e.name AS employee_name, e.nip, v.skp_id, v.evaluator_id, v.evaluator_superior_id,
        v.perangkat_daerah_id, v.unit_kerja_id, v.group_id, v.status, v.excluded_reasons, v.results_submitted_at,
        v.assessment_due_at, v.hasil_kerja_rating, v.perilaku_kerja_rating, v.leads_unit, v.scores, v.nilai, v.predikat,
        v.explanation, v.notes, v.recommendation, v.rated_by, v.rated_at, v.finalised_at, v.received_at, v.version
        """

    static func evaluation(_ id: UUID, on c: PostgresConnection, lock: Bool) throws -> EvaluationRecord? {
        try c.query("""
            SELECT \(unescaped: evaluationColumns) FROM evaluations v JOIN employees e ON e.tenant_id = v.tenant_id AND e.id = v.employee_id
             WHERE v.id = \(id) \(unescaped: lock ? "FOR UPDATE OF v" : "")
            """).first.map(evaluation)
    }

    static func evaluation(_ row: PostgresRow) throws -> EvaluationRecord {
        func column<T: PostgresDecodable>(_ name: String, _ type: T.Type = T.self) throws -> T { try row.decode(T.self, column: name) }
        return EvaluationRecord(
            id: try column("id"), periodID: try column("period_id"), employeeID: try column("employee_id"),
            employeeName: try column("employee_name"), nip: try column("nip"), skpID: try column("skp_id"),
            evaluatorID: try column("evaluator_id"), evaluatorSuperiorID: try column("evaluator_superior_id"),
            perangkatDaerahID: try column("perangkat_daerah_id"), unitKerjaID: try column("unit_kerja_id"),
            groupID: try column("group_id"),
            status: EvaluationStatus(rawValue: try column("status", String.self)) ?? .pending,
            excludedReasons: try column("excluded_reasons", PostgresJSONB?.self)?.decode([CoverageDecision.Reason].self),
            resultsSubmittedAt: try column("results_submitted_at"), assessmentDueAt: try column("assessment_due_at"),
            hasilKerja: try column("hasil_kerja_rating", String?.self).flatMap(Rating.init(rawValue:)),
            perilakuKerja: try column("perilaku_kerja_rating", String?.self).flatMap(Rating.init(rawValue:)),
            leadsUnit: try column("leads_unit"),
            scores: try column("scores", PostgresJSONB?.self)?.decode(WeightedModelInput.self),
            nilai: try column("nilai"), predikat: try column("predikat"),
            explanation: try column("explanation", PostgresJSONB?.self)?.decode(Explanation.self),
            notes: try column("notes"), recommendation: try column("recommendation"), ratedBy: try column("rated_by"),
            ratedAt: try column("rated_at"), finalisedAt: try column("finalised_at"), receivedAt: try column("received_at"),
            version: try column("version"))
    }

    /// Counts a period's evaluations (of one evaluator, one group, or all) by coverage.
    static func coverage(on c: PostgresConnection, period: UUID, evaluator: UUID?, group: UUID?) throws -> CoverageTally {
        var tally = CoverageTally()
        for row in try c.query("""
            SELECT status = 'excluded', excluded_reasons, count(*)::int FROM evaluations
             WHERE period_id = \(period) AND (\(evaluator)::uuid IS NULL OR evaluator_id = \(evaluator))
               AND (\(group)::uuid IS NULL OR group_id = \(group))
             GROUP BY status = 'excluded', excluded_reasons
            """) {
            let (excluded, reasons, count) = try row.decode((Bool, PostgresJSONB?, Int).self)
            tally.add(obliged: !excluded, reasons: try reasons?.decode([CoverageDecision.Reason].self) ?? [], people: count)
        }
        return tally
    }
}
