import Foundation
import JobQueue
import Kinerja
import Postgres

/// Objections (keberatan) against final evaluations (migration 0015): the receipt of the
/// evaluation document, filing, the hearing, the decision and the lists of deadlines. Every write
/// runs in one tenant transaction with its audit entry and its jobs (`ObjectionJobs`).
///
/// The store reads and writes the 0015 tables itself and depends on no other evaluation code: a
/// changing decision updates the final evaluation row through the trigger's one door (the
/// transaction names the objection in `kinerja.objection_id` and raises the version by one).
public struct ObjectionStore: Sendable {
    let pool: PostgresPool
    let queue: JobQueue

    /// The longest reasons, explanation, notes or recommendation (the columns' CHECKs).
    public static let textLimit = 4000

    /// A store over `pool` (the application's connection), queueing its jobs on `queue`.
    public init(pool: PostgresPool, queue: JobQueue) {
        self.pool = pool
        self.queue = queue
    }

    // MARK: - Reading

    /// The evaluation `id` as an objection sees it, or nil.
    public func evaluation(tenant: UUID, id: UUID) throws -> ObjectedEvaluation? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.loadEvaluation(id, on: c, lock: false) }
    }

    /// The objection `id`, or nil.
    public func find(tenant: UUID, id: UUID) throws -> ObjectionRecord? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try Self.load(where: "o.id = ", id, on: c).first }
    }

    /// The objection against evaluation `evaluation`, or nil.
    public func find(tenant: UUID, evaluation: UUID) throws -> ObjectionRecord? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try Self.load(where: "o.evaluation_id = ", evaluation, on: c).first
        }
    }

    /// The objections `decider` decides: undecided first, by decision deadline, then decided, newest first.
    public func forDecider(tenant: UUID, decider: UUID, limit: Int = 200) throws -> [ObjectionRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try Self.load(where: "o.decider_id = ", decider,
                          order: "(o.status = 'decided'), o.decision_due_at NULLS LAST, o.filed_at DESC", limit: limit, on: c)
        }
    }

    /// The objections `employee` filed, newest first.
    public func forEmployee(tenant: UUID, employee: UUID, limit: Int = 200) throws -> [ObjectionRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try Self.load(where: "o.employee_id = ", employee, order: "o.filed_at DESC", limit: limit, on: c)
        }
    }

    /// The tenant's undecided objections whose decision window ended before `now`, oldest deadline first.
    public func overdue(tenant: UUID, at now: Date, limit: Int = 200) throws -> [ObjectionRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try Self.load(where: "o.status = 'filed' AND o.decision_due_at < ", now, order: "o.decision_due_at",
                          limit: limit, on: c)
        }
    }

    // MARK: - Receipt and filing

    /// Records that `employee` received the evaluation document at `at`: once, on a final
    /// evaluation, by the evaluated employee only (the trigger of migration 0015 allows exactly this).
    public func recordReceipt(tenant: UUID, evaluation id: UUID, by employee: UUID, procedure: LegalBasis,
                              at: Date) throws -> ObjectedEvaluation {
        try pool.transaction(tenant: tenant) { c in
            guard var evaluation = try Self.loadEvaluation(id, on: c, lock: true) else { throw ObjectionStoreError.notFound }
            guard evaluation.employeeID == employee else { throw ObjectionStoreError.refused(.notTheEmployee(basis: procedure)) }
            guard evaluation.status == "final" else {
                throw ObjectionStoreError.refused(.evaluationNotFinal(status: evaluation.status, basis: procedure))
            }
            if let received = evaluation.receivedAt { throw ObjectionStoreError.refused(.receiptAlreadyRecorded(at: received)) }
            try c.query("UPDATE evaluations SET received_at = \(at), updated_at = \(at) WHERE id = \(id)")
            evaluation.receivedAt = at
            try AuditLog.append(AuditChange(action: "receive-document", entity: "evaluation", entityID: id.uuidString.lowercased(),
                                            before: nil, after: .object(["receivedAt": .string(Self.iso(at))])),
                                tenant: tenant, actor: .user(employee), at: at, on: c)
            return evaluation
        }
    }

    /// Files `employee`'s objection with `reasons` at `at`, within the filing window of `rules`
    /// counted in the tenant's time zone over `holidays`; queues `objection.filed` to the decider.
    /// A late filing is refused and nothing is stored (migration 0015).
    public func file(tenant: UUID, evaluation id: UUID, by employee: UUID, reasons: String, rules: RuleSet.Objection,
                     holidays: HolidayCalendar, at: Date) throws -> (ObjectionRecord, ObjectionTimeline) {
        let procedure = ObjectionWindows.procedureBasis(rules)
        do {
            return try pool.transaction(tenant: tenant) { c in
                guard let evaluation = try Self.loadEvaluation(id, on: c, lock: true) else { throw ObjectionStoreError.notFound }
                guard evaluation.employeeID == employee else {
                    throw ObjectionStoreError.refused(.notTheEmployee(basis: procedure))
                }
                guard evaluation.status == "final", let start = evaluation.windowStart else {
                    throw ObjectionStoreError.refused(.evaluationNotFinal(status: evaluation.status, basis: procedure))
                }
                if let existing = try Self.load(where: "o.evaluation_id = ", id, on: c).first {
                    throw ObjectionStoreError.refused(.alreadyFiled(objection: existing.id, basis: procedure))
                }
                guard let decider = evaluation.deciderID, decider != employee else {
                    throw ObjectionStoreError.refused(.noDecider(basis: procedure))
                }
                let timeline = ObjectionWindows.timeline(receivedAt: start, filedAt: at, timeZone: evaluation.zone,
                                                         rules: rules, holidays: holidays)
                guard !timeline.isLate else { throw ObjectionStoreError.refused(.filingWindowPassed(timeline)) }
                let objection = UUID.timeOrdered(at: at)
                try c.query("""
                    INSERT INTO objections (tenant_id, id, evaluation_id, employee_id, decider_id, reasons, document_received_at,
                                            filed_at, filing_deadline, decision_due_at, status)
                    VALUES (\(tenant), \(objection), \(id), \(employee), \(decider), \(reasons), \(start), \(at),
                            \(timeline.filingDeadline), \(timeline.decisionDueAt), 'filed')
                    """)
                guard let record = try Self.load(where: "o.id = ", objection, on: c).first else { throw ObjectionStoreError.notFound }
                try AuditLog.append(try AuditChange(action: "file", entity: "objection", id: objection,
                                                    before: ObjectionRecord?.none, after: record),
                                    tenant: tenant, actor: .user(employee), at: at, on: c)
                try ObjectionJobs.notify("objection.filed", tenant: tenant, objection: objection, recipient: decider,
                                         queue: queue, on: c)
                return (record, timeline)
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            // Two filings raced past the check; the loser names the winner.
            guard let existing = try find(tenant: tenant, evaluation: id) else { throw error }
            throw ObjectionStoreError.refused(.alreadyFiled(objection: existing.id, basis: procedure))
        }
    }

    // MARK: - Hearing and decision

    /// Records what the employee and the evaluator explained (Perbup Tanah Laut 2024 Pasal 35
    /// huruf c; PP 30/2019 Pasal 59): by the decider, before the decision; a side not given keeps
    /// what was recorded before.
    public func recordHearing(tenant: UUID, objection id: UUID, by decider: UUID, employeeExplanation: String?,
                              evaluatorExplanation: String?, procedure: LegalBasis, at: Date) throws -> ObjectionRecord {
        try pool.transaction(tenant: tenant) { c in
            let before = try Self.lockForDecider(id, decider: decider, procedure: procedure, on: c)
            try c.query("""
                UPDATE objections SET employee_explanation = coalesce(\(employeeExplanation), employee_explanation),
                                      evaluator_explanation = coalesce(\(evaluatorExplanation), evaluator_explanation)
                 WHERE id = \(id)
                """)
            guard let after = try Self.load(where: "o.id = ", id, on: c).first else { throw ObjectionStoreError.notFound }
            try AuditLog.append(try AuditChange(action: "hear", entity: "objection", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(decider), at: at, on: c)
            return after
        }
    }

    /// Decides: upholds, or changes the result with new ratings or scores under `ruleSet` (the
    /// period's) and a new recommendation. A change updates the final evaluation in the same
    /// transaction (version + 1, the trigger's door) and queues its regenerated document; every
    /// decision queues the decision letter and `objection.decided` to the employee.
    ///
    /// A decision after the decision window is accepted and shown as late (`decidedLate`): the
    /// window binds the superior (Pasal 35 huruf e), and refusing would leave the employee without
    /// the answer the rule owes them; the overdue list makes the delay visible instead.
    public func decide(tenant: UUID, objection id: UUID, by decider: UUID, _ decision: ObjectionDecisionInput,
                       ruleSet: RuleSet, procedure: LegalBasis, at: Date) throws -> ObjectionRecord {
        try pool.transaction(tenant: tenant) { c in
            let before = try Self.lockForDecider(id, decider: decider, procedure: procedure, on: c)
            var missing: [String] = []
            if before.employeeExplanation == nil { missing.append("penjelasan pegawai") }
            if before.evaluatorExplanation == nil { missing.append("penjelasan pejabat penilai") }
            guard missing.isEmpty else { throw ObjectionStoreError.refused(.hearingIncomplete(missing: missing, basis: procedure)) }
            guard let evaluation = try Self.loadEvaluation(before.evaluationID, on: c, lock: true) else {
                throw ObjectionStoreError.notFound
            }
            let previous = try c.query("""
                SELECT jsonb_strip_nulls(jsonb_build_object('predikat', predikat, 'hasilKerjaRating', hasil_kerja_rating,
                       'perilakuKerjaRating', perilaku_kerja_rating, 'scores', scores, 'nilai', nilai))
                  FROM evaluations WHERE id = \(evaluation.id)
                """).first?.decode(PostgresJSONB.self, at: 0)
            var outcome = "upheld"
            var newResult: PostgresJSONB?
            var recommendation: String?
            if let revised = try Self.revise(evaluation, decision, ruleSet: ruleSet, procedure: procedure, objection: id) {
                outcome = "changed"
                recommendation = decision.recommendation
                newResult = try PostgresJSONB(encoding: revised.value)
                try c.setLocal("kinerja.objection_id", to: id.uuidString.lowercased())
                try c.query("""
                    UPDATE evaluations
                       SET version = version + 1, predikat = \(revised.value.predikat),
                           hasil_kerja_rating = coalesce(\(revised.value.hasilKerjaRating?.rawValue), hasil_kerja_rating),
                           perilaku_kerja_rating = coalesce(\(revised.value.perilakuKerjaRating?.rawValue), perilaku_kerja_rating),
                           scores = coalesce(\(try revised.value.scores.map { try PostgresJSONB(encoding: $0) }), scores),
                           nilai = coalesce(\(revised.value.nilai), nilai),
                           explanation = \(try PostgresJSONB(encoding: revised.explanation)),
                           recommendation = \(decision.recommendation), updated_at = \(at)
                     WHERE id = \(evaluation.id)
                    """)
                try AuditLog.append(AuditChange(action: "objection-decision", entity: "evaluation",
                                                entityID: evaluation.id.uuidString.lowercased(),
                                                before: try previous?.decode(JSONValue.self),
                                                after: try newResult?.decode(JSONValue.self)),
                                    tenant: tenant, actor: .user(decider), at: at, on: c)
                try ObjectionJobs.evaluationDocument(tenant: tenant, evaluation: evaluation.id, version: evaluation.version + 1,
                                                     queue: queue, on: c)
            }
            try c.query("""
                UPDATE objections
                   SET status = 'decided', outcome = \(outcome), decision_notes = \(decision.notes),
                       new_recommendation = \(recommendation), previous_result = \(previous), new_result = \(newResult),
                       decided_by = \(decider), decided_at = \(at)
                 WHERE id = \(id)
                """)
            guard let after = try Self.load(where: "o.id = ", id, on: c).first else { throw ObjectionStoreError.notFound }
            try AuditLog.append(try AuditChange(action: "decide", entity: "objection", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(decider), at: at, on: c)
            try ObjectionJobs.decisionDocument(tenant: tenant, objection: id, queue: queue, on: c)
            try ObjectionJobs.notify("objection.decided", tenant: tenant, objection: id, recipient: after.employeeID,
                                     queue: queue, on: c)
            return after
        }
    }

    // MARK: - Helpers

    /// The new result of a changing decision, or nil for an upheld one; checks that the change fits the model.
    private static func revise(_ evaluation: ObjectedEvaluation, _ decision: ObjectionDecisionInput, ruleSet: RuleSet,
                               procedure: LegalBasis, objection: UUID) throws -> Explained<ObjectionResult>? {
        switch (decision.change, evaluation.model) {
        case (.uphold, _):
            guard decision.recommendation == nil else {
                throw ObjectionStoreError.invalid(pointer: "/recommendation", code: "not-allowed",
                                                  message: "Rekomendasi baru hanya diberikan bila hasil evaluasi diubah.")
            }
            return nil
        case (_, _) where (decision.recommendation ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty:
            throw ObjectionStoreError.invalid(pointer: "/recommendation", code: "required",
                message: "Keputusan yang mengubah hasil evaluasi memberikan rekomendasi baru (\(procedure)).")
        case (.ratings(let hasilKerja, let perilakuKerja), "quadrant"):
            do {
                return try ObjectionRevision.quadrant(hasilKerja: hasilKerja, perilakuKerja: perilakuKerja,
                                                      previous: evaluation.result, ruleSet: ruleSet, procedure: procedure,
                                                      objection: objection)
            } catch { throw ObjectionStoreError.refused(error) }
        case (.scores(let input), "weighted"):
            do {
                return try ObjectionRevision.weighted(input, previous: evaluation.result, ruleSet: ruleSet, procedure: procedure,
                                                      objection: objection)
            } catch let error as ObjectionRefusal {
                throw ObjectionStoreError.refused(error)
            } catch let error as WeightedModelError {
                throw ObjectionStoreError.invalid(pointer: "/scores", code: "invalid",
                                                  message: error.message + " (\(error.basis(in: ruleSet)))")
            }
        case (.ratings, _):
            throw ObjectionStoreError.invalid(pointer: "/scores", code: "required",
                                              message: "Evaluasi ini memakai model berbobot: kirim nilai (scores), bukan rating.")
        case (.scores, _):
            throw ObjectionStoreError.invalid(pointer: "/ratings", code: "required",
                                              message: "Evaluasi ini memakai kuadran: kirim rating hasil kerja dan perilaku kerja.")
        }
    }

    /// The objection, locked, when `decider` decides it and it is undecided.
    private static func lockForDecider(_ id: UUID, decider: UUID, procedure: LegalBasis,
                                       on c: PostgresConnection) throws -> ObjectionRecord {
        guard let record = try load(where: "o.id = ", id, lock: true, on: c).first else { throw ObjectionStoreError.notFound }
        guard record.deciderID == decider else { throw ObjectionStoreError.refused(.notTheDecider(basis: procedure)) }
        guard record.status == "filed" else { throw ObjectionStoreError.refused(.alreadyDecided(basis: procedure)) }
        return record
    }

    static func loadEvaluation(_ id: UUID, on c: PostgresConnection, lock: Bool) throws -> ObjectedEvaluation? {
        guard let row = try c.query("""
            SELECT e.employee_id, e.evaluator_id, e.evaluator_superior_id, e.status, p.model, p.rule_set_version,
                   e.predikat, e.hasil_kerja_rating, e.perilaku_kerja_rating, e.scores, e.nilai, e.recommendation,
                   e.finalised_at, e.received_at, e.version, t.time_zone
              FROM evaluations e
              JOIN evaluation_periods p ON p.tenant_id = e.tenant_id AND p.id = e.period_id
              JOIN tenants t ON t.id = e.tenant_id
             WHERE e.id = \(id) \(unescaped: lock ? "FOR UPDATE OF e" : "")
            """).first else { return nil }
        let scores = try row.decode(PostgresJSONB?.self, at: 9)
        let result = ObjectionResult(predikat: try row.decode(String?.self, at: 6) ?? "",
                                     hasilKerjaRating: try row.decode(String?.self, at: 7).flatMap(Rating.init(rawValue:)),
                                     perilakuKerjaRating: try row.decode(String?.self, at: 8).flatMap(Rating.init(rawValue:)),
                                     scores: scores.flatMap { try? $0.decode(WeightedModelInput.self) },
                                     nilai: try row.decode(Decimal?.self, at: 10))
        return ObjectedEvaluation(id: id, employeeID: try row.decode(UUID.self, at: 0), evaluatorID: try row.decode(UUID?.self, at: 1),
                                  deciderID: try row.decode(UUID?.self, at: 2), status: try row.decode(String.self, at: 3),
                                  model: try row.decode(String.self, at: 4), ruleSetVersion: try row.decode(String.self, at: 5),
                                  result: result, recommendation: try row.decode(String?.self, at: 11),
                                  finalisedAt: try row.decode(Date?.self, at: 12), receivedAt: try row.decode(Date?.self, at: 13),
                                  version: try row.decode(Int.self, at: 14), timeZone: try row.decode(String.self, at: 15))
    }

    private static func load(where condition: String, _ value: some PostgresEncodable & Sendable, order: String = "o.filed_at",
                             limit: Int = 1, lock: Bool = false, on c: PostgresConnection) throws -> [ObjectionRecord] {
        try c.query("""
            SELECT o.id, o.evaluation_id, o.employee_id, o.decider_id, e.evaluator_id, o.reasons, o.document_received_at,
                   o.filed_at, o.filing_deadline, o.decision_due_at, o.status, o.employee_explanation, o.evaluator_explanation,
                   o.outcome, o.decision_notes, o.new_recommendation, o.previous_result, o.new_result, o.decided_by, o.decided_at
              FROM objections o JOIN evaluations e ON e.tenant_id = o.tenant_id AND e.id = o.evaluation_id
             WHERE \(unescaped: condition)\(value)
             ORDER BY \(unescaped: order) LIMIT \(limit) \(unescaped: lock ? "FOR UPDATE OF o" : "")
            """).map { row in
            ObjectionRecord(
                id: try row.decode(UUID.self, at: 0), evaluationID: try row.decode(UUID.self, at: 1),
                employeeID: try row.decode(UUID.self, at: 2), deciderID: try row.decode(UUID.self, at: 3),
                evaluatorID: try row.decode(UUID?.self, at: 4), reasons: try row.decode(String.self, at: 5),
                documentReceivedAt: try row.decode(Date.self, at: 6), filedAt: try row.decode(Date.self, at: 7),
                filingDeadline: try row.decode(Date.self, at: 8), decisionDueAt: try row.decode(Date?.self, at: 9),
                status: try row.decode(String.self, at: 10), employeeExplanation: try row.decode(String?.self, at: 11),
                evaluatorExplanation: try row.decode(String?.self, at: 12), outcome: try row.decode(String?.self, at: 13),
                decisionNotes: try row.decode(String?.self, at: 14), newRecommendation: try row.decode(String?.self, at: 15),
                previousResult: try row.decode(PostgresJSONB?.self, at: 16)?.decode(JSONValue.self),
                newResult: try row.decode(PostgresJSONB?.self, at: 17)?.decode(JSONValue.self),
                decidedBy: try row.decode(UUID?.self, at: 18), decidedAt: try row.decode(Date?.self, at: 19))
        }
    }

    private static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}
