import Foundation
import Kinerja
import Postgres

/// Follow-up of a period's results (issue 5 item 5; Perbup Tanah Laut 2024 Pasal 26–34): ranking,
/// rewards, improvement windows, the TPP basis and credit points. It reads the evaluation core's
/// tables (migration 0015) and writes only `rewards` and `improvement_windows`, each write in one
/// tenant transaction with its audit entry.
public struct FollowUpStore: Sendable {
    let pool: PostgresPool

    /// A store over `pool` (the application's connection).
    public init(pool: PostgresPool) { self.pool = pool }

    /// The most rows an export or list holds: a regency has at most ~15,000 employees.
    public static let rowLimit = 50_000

    /// The period, or nil.
    public func period(tenant: UUID, id: UUID) throws -> EvaluationPeriodInfo? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try EvaluationPeriodInfo.load(id, on: c) }
    }

    /// The perangkat daerah a unit kerja belongs to, or nil.
    public func perangkatDaerah(ofUnitKerja unit: UUID, tenant: UUID) throws -> UUID? {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("SELECT perangkat_daerah_id FROM unit_kerja WHERE id = \(unit)").first?.decode(UUID.self, at: 0)
        }
    }

    /// Ranks the final evaluations of `period` in a perangkat daerah (or, with `unitKerja`, a unit
    /// kerja), by the evaluations' snapshot of where each employee sat when the period opened.
    public func ranking(tenant: UUID, period id: UUID, perangkatDaerah: UUID?, unitKerja: UUID?) throws -> UnitRankingReport {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            guard let period = try EvaluationPeriodInfo.load(id, on: c) else { throw FollowUpStoreError.periodNotFound }
            let rows = try c.query("""
                SELECT ev.id, ev.employee_id, e.nip, e.name, ev.status, ev.predikat, ev.nilai
                  FROM evaluations ev
                  JOIN employees e ON e.tenant_id = ev.tenant_id AND e.id = ev.employee_id
                 WHERE ev.period_id = \(id) AND ev.status <> 'excluded'
                   AND (\(perangkatDaerah)::uuid IS NULL OR ev.perangkat_daerah_id = \(perangkatDaerah))
                   AND (\(unitKerja)::uuid IS NULL OR ev.unit_kerja_id = \(unitKerja))
                 LIMIT \(Self.rowLimit)
                """).map { try $0.decode((UUID, UUID, String, String, String, String?, Decimal?).self) }
            var notFinal = 0
            var candidates: [UnitRanking.Candidate] = []
            var facts: [UUID: (evaluation: UUID, nip: String)] = [:]
            for (evaluation, employee, nip, name, status, predikat, nilai) in rows {
                guard status == "final", let predikat = predikat.flatMap(ResultPredikat.init(rawValue:)) else {
                    notFinal += 1
                    continue
                }
                candidates.append(.init(employeeID: employee, name: name, predikat: predikat, nilai: nilai))
                facts[employee] = (evaluation, nip)
            }
            let entries = UnitRanking.rank(candidates).map { ranked in
                let c = ranked.candidate
                return UnitRankingReport.Entry(rank: ranked.rank, employeeID: c.employeeID.uuidString.lowercased(),
                                               nip: facts[c.employeeID]?.nip ?? "", name: c.name, predikat: c.predikat.rawValue,
                                               nilai: c.nilai,
                                               evaluationID: facts[c.employeeID]?.evaluation.uuidString.lowercased() ?? "")
            }
            let scopeID = (unitKerja ?? perangkatDaerah)?.uuidString.lowercased() ?? ""
            return UnitRankingReport(
                period: period, scope: unitKerja == nil ? "perangkat-daerah" : "unit-kerja", scopeID: scopeID,
                complete: notFinal == 0, notFinal: notFinal, entries: entries,
                excluded: try ExclusionSummary.load(period: id, perangkatDaerah: perangkatDaerah, unitKerja: unitKerja, on: c),
                basis: "Perbup Tanah Laut 2024 Pasal 29: pemeringkatan melalui penetapan predikat kinerja; "
                    + "urut predikat, lalu nilai (model lama); nilai sama berbagi peringkat.")
        }
    }
}
