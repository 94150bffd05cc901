import Foundation
import Kinerja
import Postgres

extension FollowUpStore {
    /// Records a reward for a final Sangat Baik evaluation (`RewardRule`), when `permits` allows the
    /// caller on the evaluation's perangkat daerah. One reward of each kind per evaluation.
    public func grantReward(tenant: UUID, evaluation: UUID, kind: String, notes: String?, by user: UUID, at: Date,
                            permits: (UUID?) -> Bool) throws -> RewardRecord {
        do {
            return try pool.transaction(tenant: tenant) { c in
                guard let row = try c.query("""
                    SELECT ev.employee_id, e.name, ev.status, ev.predikat, ev.perangkat_daerah_id
                      FROM evaluations ev JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.employee_id
                     WHERE ev.id = \(evaluation)
                    """).first else { throw FollowUpStoreError.evaluationNotFound }
                let (employee, name, status, predikat, perangkatDaerah) = try row.decode((UUID, String, String, String?, UUID?).self)
                guard permits(perangkatDaerah) else { throw FollowUpStoreError.notPermitted }
                if let refusal = RewardRule.check(status: status, predikat: predikat.flatMap(ResultPredikat.init(rawValue:))) {
                    throw FollowUpStoreError.reward(refusal)
                }
                let id = UUID.timeOrdered(at: at)
                try c.query("""
                    INSERT INTO rewards (tenant_id, id, evaluation_id, employee_id, kind, notes, granted_by, granted_at)
                    VALUES (\(tenant), \(id), \(evaluation), \(employee), \(kind), \(notes), \(user), \(at))
                    """)
                let record = RewardRecord(id: id.uuidString.lowercased(), evaluationID: evaluation.uuidString.lowercased(),
                                          employeeID: employee.uuidString.lowercased(), name: name, kind: kind, notes: notes,
                                          grantedBy: user.uuidString.lowercased(), grantedAt: at)
                try AuditLog.append(try AuditChange(action: "create", entity: "reward", id: id, before: RewardRecord?.none,
                                                    after: record),
                                    tenant: tenant, actor: .user(user), at: at, on: c)
                return record
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw FollowUpStoreError.rewardExists(kind: kind)
        }
    }

    /// The rewards recorded for `period`'s evaluations, in a perangkat daerah when given, oldest first.
    public func rewards(tenant: UUID, period: UUID, perangkatDaerah: UUID?) throws -> [RewardRecord] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            guard try EvaluationPeriodInfo.load(period, on: c) != nil else { throw FollowUpStoreError.periodNotFound }
            return try c.query("""
                SELECT r.id, r.evaluation_id, r.employee_id, e.name, r.kind, r.notes, r.granted_by, r.granted_at
                  FROM rewards r
                  JOIN evaluations ev ON ev.tenant_id = r.tenant_id AND ev.id = r.evaluation_id
                  JOIN employees e ON e.tenant_id = r.tenant_id AND e.id = r.employee_id
                 WHERE ev.period_id = \(period)
                   AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                 ORDER BY r.granted_at, r.id
                 LIMIT \(Self.rowLimit)
                """).map { row in
                let (id, evaluation, employee, name, kind, notes, by, at) =
                    try row.decode((UUID, UUID, UUID, String, String, String?, UUID, Date).self)
                return RewardRecord(id: id.uuidString.lowercased(), evaluationID: evaluation.uuidString.lowercased(),
                                    employeeID: employee.uuidString.lowercased(), name: name, kind: kind, notes: notes,
                                    grantedBy: by.uuidString.lowercased(), grantedAt: at)
            }
        }
    }
}
