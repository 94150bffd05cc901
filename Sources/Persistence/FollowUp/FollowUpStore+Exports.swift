import Foundation
import Kinerja
import Postgres

extension FollowUpStore {
    /// One TPP basis row per employee of `period` (Perbup Tanah Laut 2024 Pasal 31), ordered by
    /// perangkat daerah and NIP; refuses beyond `rowLimit` rather than answer without bound.
    public func tppBasis(tenant: UUID, period id: UUID) throws -> (period: EvaluationPeriodInfo, rows: [TPPBasisRow]) {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            guard let period = try EvaluationPeriodInfo.load(id, on: c) else { throw FollowUpStoreError.periodNotFound }
            let rows = try c.query("""
                SELECT e.nip, e.name, coalesce(pd.name, ''), ev.status, ev.predikat, ev.nilai, ev.version,
                       CASE jsonb_typeof(ev.excluded_reasons) WHEN 'array' THEN
                            (SELECT string_agg(coalesce(r->>'message', r->>'code'), '; ')
                               FROM jsonb_array_elements(ev.excluded_reasons) r) END
                  FROM evaluations ev
                  JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.employee_id
                  LEFT JOIN perangkat_daerah pd ON pd.tenant_id = ev.tenant_id AND pd.id = ev.perangkat_daerah_id
                 WHERE ev.period_id = \(id)
                 ORDER BY pd.name NULLS LAST, e.nip
                 LIMIT \(Self.rowLimit + 1)
                """).map { row in
                let (nip, name, unit, status, predikat, nilai, version, reasons) =
                    try row.decode((String, String, String, String, String?, Decimal?, Int, String?).self)
                return TPPBasisRow(nip: nip, name: name, perangkatDaerah: unit, period: period.label, status: status,
                                   predikat: predikat.flatMap(ResultPredikat.init(rawValue:)), nilai: nilai,
                                   excludedReasons: reasons.map { [$0] } ?? [], version: version)
            }
            guard rows.count <= Self.rowLimit else { throw FollowUpStoreError.tooLarge(limit: Self.rowLimit) }
            return (period, rows)
        }
    }

    /// The credit points of `period`'s functional officials (jabatan kind `fungsional` with a jenjang
    /// on the period's last day), in a perangkat daerah when given.
    public func creditPoints(tenant: UUID, period id: UUID, perangkatDaerah: UUID?) throws -> CreditPointsReport {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            guard let period = try EvaluationPeriodInfo.load(id, on: c) else { throw FollowUpStoreError.periodNotFound }
            let entries = try c.query("""
                SELECT ev.employee_id, e.nip, e.name, post.jenjang, ev.status, ev.predikat
                  FROM evaluations ev
                  JOIN evaluation_periods p ON p.tenant_id = ev.tenant_id AND p.id = ev.period_id
                  JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.employee_id
                  \(unescaped: Self.postAtPeriodEnd)
                 WHERE ev.period_id = \(id) AND ev.status <> 'excluded' AND post.kind = 'fungsional'
                   AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                 ORDER BY e.name, e.nip
                 LIMIT \(Self.rowLimit)
                """).map { row in
                let (employee, nip, name, jenjang, status, predikat) = try row.decode((UUID, String, String, String?, String, String?).self)
                let result = EvaluationCreditPoints.compute(
                    status: status, predikat: predikat.flatMap(ResultPredikat.init(rawValue:)),
                    jenjang: jenjang.flatMap(JenjangFungsional.init(rawValue:)), periodStart: period.start, periodEnd: period.end)
                var entry = CreditPointsReport.Entry(employeeID: employee.uuidString.lowercased(), nip: nip, name: name,
                                                     jenjang: jenjang ?? "", status: status,
                                                     predikat: status == "final" ? predikat : nil)
                switch result {
                case .success(let points): entry.creditPoints = points
                case .failure(let refusal): entry.refusal = refusal.message
                }
                return entry
            }
            return CreditPointsReport(period: period, months: EvaluationCreditPoints.months(from: period.start, to: period.end),
                                      entries: entries,
                                      excluded: try ExclusionSummary.load(period: id, perangkatDaerah: perangkatDaerah, on: c))
        }
    }
}
