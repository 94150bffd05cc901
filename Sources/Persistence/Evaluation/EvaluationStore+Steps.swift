import Foundation
import Kinerja
import Postgres

extension EvaluationStore {
    /// The employee submits the period's results: `pending` → `submitted`, starting the evaluator's
    /// assessment window; `assessmentDueAt` is its end, computed by the caller from the rule set's
    /// `assessment.window` (nil when the rule set has none).
    public func submitResults(tenant: UUID, id: UUID, by person: UUID, assessmentDueAt: Date?, at: Date) throws -> EvaluationRecord {
        try pool.transaction(tenant: tenant) { c in
            guard let before = try Self.evaluation(id, on: c, lock: true) else { throw EvaluationStoreError.notFound("Evaluasi") }
            guard before.employeeID == person else { throw EvaluationStoreError.refused(.notEmployee) }
            switch before.status {
            case .excluded: throw EvaluationStoreError.refused(.excluded(reasons: before.excludedReasons ?? []))
            case .final: throw EvaluationStoreError.refused(.final)
            case .submitted, .rated: throw EvaluationStoreError.refused(.alreadySubmitted)
            case .pending: break
            }
            try c.query("""
                UPDATE evaluations SET status = 'submitted', results_submitted_at = \(at), assessment_due_at = \(assessmentDueAt),
                                       updated_at = \(at)
                 WHERE id = \(id)
                """)
            guard let after = try Self.evaluation(id, on: c, lock: false) else { throw EvaluationStoreError.notFound("Evaluasi") }
            try AuditLog.append(try AuditChange(action: "submit-results", entity: "evaluation", id: id, before: before, after: after),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return after
        }
    }

    /// The evaluator rates (or re-rates, until the group is final): the rules engine's outcome under
    /// `ruleSet` (the period's version) is stored with its explanation. Only the evaluation's
    /// evaluator may rate; when the evaluation has no evaluator in the system (the top of the
    /// hierarchy, evaluated by the Bupati), a tenant admin records the rating.
    public func rate(tenant: UUID, id: UUID, rating: EvaluationRating, by person: UUID, isTenantAdmin: Bool,
                     actor: AuditActor, ruleSet: RuleSet, at: Date) throws -> EvaluationRecord {
        try pool.transaction(tenant: tenant) { c in
            let (before, after) = try rate(id, rating: rating, by: person, isTenantAdmin: isTenantAdmin, ruleSet: ruleSet, at: at, on: c)
            try AuditLog.append(try AuditChange(action: "rate", entity: "evaluation", id: id, before: before, after: after),
                                tenant: tenant, actor: actor, at: at, on: c)
            return after
        }
    }

    /// An evaluator rates several of their evaluations at once (their team, in the order given), each
    /// as `rate` would, in one transaction: all are stored or, at the first refusal, none. One
    /// commit instead of one per person: a tenant's audited writes queue behind one another's
    /// commits (`AuditLog.append`), so thirty ratings in one transaction cost about one commit.
    /// Every evaluation must belong to `period` (whose rule set `ruleSet` is). The refusal names the
    /// position of the evaluation it stopped at.
    public func rate(tenant: UUID, period: UUID, ratings: [(id: UUID, rating: EvaluationRating)], by person: UUID,
                     isTenantAdmin: Bool, actor: AuditActor, ruleSet: RuleSet, at: Date) throws -> [EvaluationRecord] {
        try pool.transaction(tenant: tenant) { c in
            var records: [EvaluationRecord] = [], changes: [AuditChange] = []
            for (index, item) in ratings.enumerated() {
                do {
                    let (before, after) = try rate(item.id, rating: item.rating, by: person, isTenantAdmin: isTenantAdmin,
                                                   ruleSet: ruleSet, at: at, on: c, inPeriod: period)
                    records.append(after)
                    changes.append(try AuditChange(action: "rate", entity: "evaluation", id: item.id, before: before, after: after))
                } catch let error as EvaluationStoreError {
                    throw EvaluationStoreError.inBatch(index: index, error)
                }
            }
            try AuditLog.append(changes, tenant: tenant, actor: actor, at: at, on: c)
            return records
        }
    }

    /// One rating inside the caller's transaction: the evaluation before and after.
    private func rate(_ id: UUID, rating: EvaluationRating, by person: UUID, isTenantAdmin: Bool, ruleSet: RuleSet, at: Date,
                      on c: PostgresConnection, inPeriod period: UUID? = nil) throws -> (before: EvaluationRecord, after: EvaluationRecord) {
        guard let before = try Self.evaluation(id, on: c, lock: true), period.map({ $0 == before.periodID }) ?? true else {
            throw EvaluationStoreError.notFound("Evaluasi")
        }
        let permitted = before.evaluatorID.map { $0 == person } ?? isTenantAdmin
        guard permitted else { throw EvaluationStoreError.refused(.notEvaluator) }
        switch before.status {
        case .excluded: throw EvaluationStoreError.refused(.excluded(reasons: before.excludedReasons ?? []))
        case .final: throw EvaluationStoreError.refused(.final)
        case .pending, .submitted, .rated: break
        }
        let outcome: EvaluationOutcome
        do { outcome = try EvaluationRater.outcome(of: rating, ruleSet: ruleSet) } catch {
            throw EvaluationStoreError.refused(error)
        }
        let scores = try rating.scores.map { try PostgresJSONB(encoding: $0) }
        try c.query("""
            UPDATE evaluations
               SET status = 'rated', hasil_kerja_rating = \(rating.quadrant?.hasilKerja.rawValue),
                   perilaku_kerja_rating = \(rating.quadrant?.perilakuKerja.rawValue),
                   leads_unit = \(rating.quadrant?.leadsUnit ?? false), scores = \(scores), nilai = \(outcome.nilai),
                   predikat = \(outcome.predikat), explanation = \(try PostgresJSONB(encoding: outcome.explanation)),
                   notes = \(rating.notes), recommendation = \(rating.recommendation), rated_by = \(person),
                   rated_at = \(at), updated_at = \(at)
             WHERE id = \(id)
            """)
        guard let after = try Self.evaluation(id, on: c, lock: false) else { throw EvaluationStoreError.notFound("Evaluasi") }
        return (before, after)
    }

    /// Records once when the employee received the final evaluation's document: the objection
    /// window counts from it. The only change the final-is-immutable trigger lets through
    /// besides an objection decision. Answers the evaluation; a second call changes nothing.
    public func markReceived(tenant: UUID, id: UUID, at: Date) throws -> EvaluationRecord {
        try pool.transaction(tenant: tenant) { c in
            guard let before = try Self.evaluation(id, on: c, lock: true) else { throw EvaluationStoreError.notFound("Evaluasi") }
            guard before.status == .final else {
                throw EvaluationStoreError.refused(.notFinal)
            }
            guard before.receivedAt == nil else { return before }
            try c.query("UPDATE evaluations SET received_at = \(at), updated_at = \(at) WHERE id = \(id)")
            return try Self.evaluation(id, on: c, lock: false) ?? before
        }
    }
}
