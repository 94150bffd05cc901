import Foundation
import Kinerja
import Postgres

extension EvaluationStore {
    /// Sets (or changes, until finalised) a group's organisation achievement, the first step of
    /// every quadrant evaluation (SE MenPANRB 3/2023). The weighted model has none.
    public func setCapaian(tenant: UUID, period: UUID, scopeID: UUID, capaian: CapaianKinerjaOrganisasi, ruleSet: RuleSet,
                           by person: UUID, actor: AuditActor, at: Date) throws -> EvaluationGroupRecord {
        try pool.transaction(tenant: tenant) { c in
            let before = try Self.group(period: period, scopeID: scopeID, on: c, lock: true)
            guard ruleSet.evaluation.model == .quadrant else {
                throw EvaluationStoreError.refused(.capaianNotApplicable(basis: ruleSet.evaluation.basis))
            }
            guard before.finalisedAt == nil else { throw EvaluationStoreError.refused(.groupFinalised) }
            try c.query("""
                UPDATE evaluation_groups SET capaian = \(capaian.rawValue), capaian_set_by = \(person), capaian_set_at = \(at)
                 WHERE period_id = \(period) AND scope_id = \(scopeID)
                """)
            let after = try Self.group(period: period, scopeID: scopeID, on: c, lock: false)
            try AuditLog.append(try AuditChange(action: "set-capaian", entity: "evaluation_group", id: scopeID, before: before,
                                                after: after),
                                tenant: tenant, actor: actor, at: at, on: c)
            return after
        }
    }

    /// Finalises a group: refuses while an obliged evaluation is unrated (how many, who); in the
    /// quadrant model checks the distribution against the group's achievement and refuses a
    /// blocking violation, or finalises a small group with the warnings; stores the check, marks
    /// every rated evaluation final and queues one document job per evaluation, all in one
    /// transaction.
    public func finalise(tenant: UUID, period: UUID, scopeID: UUID, ruleSet: RuleSet, by person: UUID, actor: AuditActor,
                         at: Date) throws -> EvaluationFinalisation {
        try pool.transaction(tenant: tenant) { c in
            let before = try Self.group(period: period, scopeID: scopeID, on: c, lock: true)
            guard before.finalisedAt == nil else { throw EvaluationStoreError.refused(.groupFinalised) }
            let unrated = try c.query("""
                SELECT count(*) OVER ()::int, e.name FROM evaluations v JOIN employees e ON e.tenant_id = v.tenant_id AND e.id = v.employee_id
                 WHERE v.period_id = \(period) AND v.group_id = \(scopeID) AND v.status IN ('pending', 'submitted')
                 ORDER BY e.name, v.id LIMIT 20
                """).map { try $0.decode((Int, String).self) }
            if let count = unrated.first?.0 {
                throw EvaluationStoreError.refused(.unrated(count: count, names: unrated.map(\.1)))
            }
            var check: DistributionCheck.Result?
            if ruleSet.evaluation.model == .quadrant, let settings = ruleSet.evaluation.distribution {
                guard let capaian = before.capaian else { throw EvaluationStoreError.refused(.capaianRequired) }
                let predikat = try c.query("""
                    SELECT predikat FROM evaluations WHERE period_id = \(period) AND group_id = \(scopeID) AND status = 'rated'
                    """).compactMap { Predikat(rawValue: try $0.decode(String.self, at: 0)) }
                let result = DistributionCheck.check(capaian: capaian, counts: PredikatCounts(predikat), settings: settings).value
                if result.isBlocking { throw EvaluationStoreError.refused(.distribution(result, basis: settings.basis)) }
                check = result
            }
            let finalised = try c.query("""
                UPDATE evaluations SET status = 'final', finalised_at = \(at), updated_at = \(at)
                 WHERE period_id = \(period) AND group_id = \(scopeID) AND status = 'rated'
                 RETURNING id, version
                """).map { try $0.decode((UUID, Int).self) }
            for (id, version) in finalised {
                try documents.enqueue(EvaluationDocumentJob(tenantID: tenant, evaluationID: id, version: version), c)
            }
            try c.query("""
                UPDATE evaluation_groups
                   SET finalised_by = \(person), finalised_at = \(at),
                       distribution = \(try check.map { try PostgresJSONB(encoding: $0) })
                 WHERE period_id = \(period) AND scope_id = \(scopeID)
                """)
            let after = try Self.group(period: period, scopeID: scopeID, on: c, lock: false)
            try AuditLog.append(try AuditChange(action: "finalise", entity: "evaluation_group", id: scopeID, before: before,
                                                after: after),
                                tenant: tenant, actor: actor, at: at, on: c)
            return EvaluationFinalisation(group: after, finalised: finalised.count, documentsQueued: finalised.count,
                                          warnings: check?.violations ?? [])
        }
    }

    /// One group of a period (locked when `lock`), or `notFound`.
    static func group(period: UUID, scopeID: UUID, on c: PostgresConnection, lock: Bool) throws -> EvaluationGroupRecord {
        guard let group = try groups(period: period, scopeID: scopeID, on: c, lock: lock).first else {
            throw EvaluationStoreError.notFound("Kelompok evaluasi")
        }
        return group
    }
}
