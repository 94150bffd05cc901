import Foundation
import Kinerja
import Postgres

/// Reads the evaluation cycle's rows (migration 0015) as the worker's documents and messages need
/// them: one evaluation or keberatan with its period, parties, plan and result, inside the tenant.
public struct CycleRecordStore: Sendable {
    private let pool: PostgresPool

    /// The store over `pool` (the application's connection, subject to row-level security).
    public init(pool: PostgresPool) { self.pool = pool }

    /// The settings of a document's reads: generic plans, since every statement reads by key and
    /// the organisation, plans and evaluations it reads do not grow while a season's documents are
    /// issued (the parties' lookup was planned afresh on every call; the others were generic
    /// already). Not for `notice`, which reads the documents table, growing at that very time.
    static let readSettings = [PostgresSetting.genericPlans]

    /// Evaluation `id` of `tenant`, or nil when the tenant has none such.
    public func evaluation(tenant: UUID, id: UUID) throws -> EvaluationDocumentRecord? {
        try evaluations(tenant: tenant, ids: [id])[id]
    }

    /// Evaluations `ids` of `tenant` in one transaction, by id; those the tenant has not are missing.
    public func evaluations(tenant: UUID, ids: [UUID]) throws -> [UUID: EvaluationDocumentRecord] {
        try pool.transaction(tenant: tenant, readOnly: true, settings: Self.readSettings) { connection in
            var found: [UUID: EvaluationDocumentRecord] = [:]
            for id in ids {
                if let record = try evaluation(id, on: connection) { found[id] = record }
            }
            return found
        }
    }

    /// What the notification of evaluation `id` says, with document `documentID` (if any), the
    /// rule set in force on the period's last day (`RuleSetStore.inForce`'s condition) and the
    /// recipient (`recipientID`, else the employee), or nil when the tenant has no such
    /// evaluation. One transaction: the notification job reads this instead of the whole document
    /// record and a recipient of its own.
    public func notice(tenant: UUID, id: UUID, documentID: UUID?, recipientID: UUID?) throws -> EvaluationNoticeRecord? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            guard var notice = try connection.query("""
                SELECT ev.employee_id, ev.version, ev.predikat, p.kind, p.cadence, p.starts_on, p.ends_on,
                       d.id, d.verification_code,
                       (SELECT r.version FROM rule_set_versions r
                         WHERE r.tenant_id = ev.tenant_id AND r.status = 'published' AND r.valid_from <= p.ends_on
                           AND (r.valid_until IS NULL OR r.valid_until >= p.ends_on)
                         ORDER BY r.valid_from DESC LIMIT 1)
                  FROM evaluations ev
                  JOIN evaluation_periods p ON p.tenant_id = ev.tenant_id AND p.id = ev.period_id
                  LEFT JOIN documents d ON d.tenant_id = ev.tenant_id AND d.id = \(documentID)
                 WHERE ev.id = \(id)
                """).first.map({ row in
                EvaluationNoticeRecord(
                    employeeID: try row.decode(UUID.self, at: 0), version: try row.decode(Int.self, at: 1),
                    predikat: try row.decode(String?.self, at: 2), periodKind: try row.decode(String.self, at: 3),
                    cadence: try row.decode(String.self, at: 4), startsOn: CivilDate(try row.decode(PostgresDate.self, at: 5)),
                    endsOn: CivilDate(try row.decode(PostgresDate.self, at: 6)), documentID: try row.decode(UUID?.self, at: 7),
                    verificationCode: try row.decode(String?.self, at: 8), ruleSetVersionInForce: try row.decode(Int?.self, at: 9))
            }) else { return nil }
            notice.recipient = try RecipientStore.employee(recipientID ?? notice.employeeID, on: connection)
            return notice
        }
    }

    /// Keberatan `id` of `tenant` with its evaluation, or nil.
    public func objection(tenant: UUID, id: UUID) throws -> ObjectionDocumentRecord? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            guard let row = try connection.query("""
                SELECT o.evaluation_id, o.status, o.reasons, o.document_received_at, o.filed_at, o.decision_due_at,
                       o.evaluator_explanation, o.outcome, o.decision_notes, o.new_recommendation,
                       coalesce(o.previous_result ->> 'predikat', CASE WHEN o.outcome IS DISTINCT FROM 'changed' THEN ev.predikat END),
                       o.new_result ->> 'predikat', o.decided_at,
                       (SELECT d.verification_code FROM documents d
                         WHERE d.reference_id = o.evaluation_id AND d.kind IN ('evaluation_periodic', 'evaluation_annual')
                           AND d.version = ev.version - CASE WHEN o.outcome = 'changed' THEN 1 ELSE 0 END),
                       o.decider_id
                  FROM objections o JOIN evaluations ev ON ev.tenant_id = o.tenant_id AND ev.id = o.evaluation_id
                 WHERE o.id = \(id)
                """).first else { return nil }
            let evaluationID = try row.decode(UUID.self, at: 0), status = try row.decode(String.self, at: 1)
            let reasons = try row.decode(String.self, at: 2), received = try row.decode(Date.self, at: 3)
            let filed = try row.decode(Date.self, at: 4), due = try row.decode(Date?.self, at: 5)
            let explanation = try row.decode(String?.self, at: 6), outcome = try row.decode(String?.self, at: 7)
            let notes = try row.decode(String?.self, at: 8), recommendation = try row.decode(String?.self, at: 9)
            guard let record = try evaluation(evaluationID, on: connection) else { return nil }
            return ObjectionDocumentRecord(
                id: id, evaluation: record, deciderID: try row.decode(UUID.self, at: 14), status: status, reasons: reasons, documentReceivedAt: received, filedAt: filed,
                decisionDueAt: due, evaluatorExplanation: explanation, outcome: outcome, decisionNotes: notes,
                newRecommendation: recommendation, previousPredikat: try row.decode(String?.self, at: 10),
                newPredikat: try row.decode(String?.self, at: 11), decidedAt: try row.decode(Date?.self, at: 12),
                evaluationDocumentCode: try row.decode(String?.self, at: 13))
        }
    }

    /// The current document issued for `reference` of one of `kinds`, or nil.
    public func currentDocument(tenant: UUID, reference: UUID, kinds: [DocumentKind]) throws -> (id: UUID, code: String, version: Int)? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            let names = kinds.map(\.rawValue)
            return try connection.query("""
                SELECT id, verification_code, version FROM documents
                 WHERE reference_id = \(reference) AND kind = ANY(\(names)) AND superseded_at IS NULL
                """).first.map { row in
                let (id, code, version) = try row.decode((UUID, String, Int32).self)
                return (id, code, Int(version))
            }
        }
    }

    private func evaluation(_ id: UUID, on connection: PostgresConnection) throws -> EvaluationDocumentRecord? {
        guard let row = try connection.query("""
            SELECT ev.status, ev.version, t.name, t.time_zone, p.kind, p.cadence, p.starts_on, p.ends_on, p.model,
                   ev.employee_id, ev.evaluator_id, ev.evaluator_superior_id, g.capaian,
                   ev.hasil_kerja_rating, ev.perilaku_kerja_rating, ev.predikat, ev.nilai, ev.explanation,
                   ev.notes, ev.recommendation, ev.finalised_at, ev.skp_id, ev.scores, p.rule_set_version,
                   (SELECT max(r.revision) FROM skp_revisions r WHERE r.skp_id = ev.skp_id AND r.status = 'approved')
              FROM evaluations ev
              JOIN tenants t ON t.id = ev.tenant_id
              JOIN evaluation_periods p ON p.tenant_id = ev.tenant_id AND p.id = ev.period_id
              JOIN evaluation_groups g ON g.tenant_id = ev.tenant_id AND g.period_id = ev.period_id AND g.scope_id = ev.group_id
             WHERE ev.id = \(id)
            """).first else { return nil }
        let status = try row.decode(String.self, at: 0), version = try row.decode(Int.self, at: 1)
        let tenantName = try row.decode(String.self, at: 2), zone = try row.decode(String.self, at: 3)
        let kind = try row.decode(String.self, at: 4), cadence = try row.decode(String.self, at: 5)
        let starts = try row.decode(PostgresDate.self, at: 6), ends = try row.decode(PostgresDate.self, at: 7)
        let model = try row.decode(String.self, at: 8)
        let employee = try row.decode(UUID.self, at: 9), evaluator = try row.decode(UUID?.self, at: 10)
        let superior = try row.decode(UUID?.self, at: 11)
        let endsOn = CivilDate(ends)
        // The three parties in one statement (a season issues one document per employee).
        let parties = try Self.parties([employee] + [evaluator, superior].compactMap { $0 }, on: endsOn, connection)
        guard let pegawai = parties[employee] else { return nil }
        let skpID = try row.decode(UUID?.self, at: 21)
        let skp = try skpID.flatMap { try self.plan($0, approvedRevision: try row.decode(Int?.self, at: 24), on: connection) }
        var superiorTexts: [UUID: String] = [:]
        for rhk in skp?.rhk ?? [] {
            guard case .superiorRHK(let superiorID)? = rhk.serves else { continue }
            superiorTexts[superiorID] = try connection.query("""
                SELECT text FROM skp_rhk WHERE id = \(superiorID) ORDER BY revision DESC LIMIT 1
                """).first?.decode(String.self, at: 0)
        }
        let explanation = try row.decode(PostgresJSONB?.self, at: 17).flatMap(Self.explanation)
        return EvaluationDocumentRecord(
            id: id, status: status, version: version, tenantName: tenantName, timeZone: zone, periodKind: kind,
            cadence: cadence, startsOn: CivilDate(starts), endsOn: endsOn, model: model,
            ruleSetVersion: try row.decode(String.self, at: 23), pegawai: pegawai,
            evaluator: evaluator.flatMap { parties[$0] }, evaluatorSuperior: superior.flatMap { parties[$0] },
            capaian: try row.decode(String?.self, at: 12).flatMap(CapaianKinerjaOrganisasi.init(rawValue:)),
            hasilKerjaRating: try row.decode(String?.self, at: 13).flatMap(Rating.init(rawValue:)),
            perilakuKerjaRating: try row.decode(String?.self, at: 14).flatMap(Rating.init(rawValue:)),
            predikat: try row.decode(String?.self, at: 15),
            scores: try row.decode(PostgresJSONB?.self, at: 22).map { try $0.decode(WeightedModelInput.self) },
            nilai: try row.decode(Decimal?.self, at: 16),
            explanation: explanation, notes: try row.decode(String?.self, at: 18),
            recommendation: try row.decode(String?.self, at: 19), finalisedAt: try row.decode(Date?.self, at: 20),
            skp: skp, superiorRHKTexts: superiorTexts)
    }

    /// The explanation as the rules engine stores it (`{"steps": […]}`), or a bare list of steps.
    private static func explanation(_ json: PostgresJSONB) -> Explanation? {
        (try? json.decode(Explanation.self)) ?? (try? json.decode([ExplanationStep].self)).map { Explanation(steps: $0) }
    }

    /// Revision `approvedRevision` of SKP `id` (its latest approved; nil: its current one), read as
    /// the SKP store reads it.
    private func plan(_ id: UUID, approvedRevision: Int?, on connection: PostgresConnection) throws -> SKPContent? {
        let store = SKPStore(pool: pool, notifier: SKPNotifier { _, _ in })
        return try store.load(id, on: connection, lock: false, revision: approvedRevision)?.content
    }

    /// Employees `ids` with the post each held on `day` (a definitive post first), by id.
    static func parties(_ ids: [UUID], on day: CivilDate, _ connection: PostgresConnection) throws -> [UUID: PartyRecord] {
        let date = PostgresDate(day)
        var found: [UUID: PartyRecord] = [:]
        for row in try connection.query("""
            SELECT e.id, e.name, e.nip, post.kind, post.jabatan, post.unit, post.perangkat
              FROM employees e
              LEFT JOIN LATERAL (
                    SELECT a.kind, j.name AS jabatan, u.name AS unit, pd.name AS perangkat
                      FROM assignments a
                      JOIN jabatan j ON j.tenant_id = a.tenant_id AND j.id = a.jabatan_id
                      JOIN unit_kerja u ON u.tenant_id = j.tenant_id AND u.id = j.unit_kerja_id
                      JOIN perangkat_daerah pd ON pd.tenant_id = u.tenant_id AND pd.id = u.perangkat_daerah_id
                     WHERE a.tenant_id = e.tenant_id AND a.employee_id = e.id
                       AND a.valid_from <= \(date) AND (a.valid_until IS NULL OR a.valid_until >= \(date))
                     ORDER BY (a.kind = 'definitif') DESC, a.valid_from DESC
                     LIMIT 1) post ON true
             WHERE e.id = ANY(\(ids))
            """) {
            let (id, name, nip, kind, jabatan, unit, perangkat) =
                try row.decode((UUID, String, String, String?, String?, String?, String?).self)
            // An acting official signs as such (Plt./Plh.), domain.md "Who evaluates whom".
            let prefix = kind == "plt" ? "Plt. " : kind == "plh" ? "Plh. " : ""
            found[id] = PartyRecord(id: id, name: name, nip: nip, jabatan: jabatan.map { prefix + $0 }, unitKerja: unit,
                                    perangkatDaerah: perangkat)
        }
        return found
    }
}
