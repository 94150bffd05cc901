import Foundation
import Kinerja
import Postgres

/// Loads a period's evaluations (migration 0015) and runs `RuleSetSimulation` with a draft rule
/// set against them (issue 4 item 5). Read-only: one read-only transaction, nothing written.
public struct RuleSetSimulator: Sendable {
    let pool: PostgresPool
    let ruleSets: RuleSetStore

    public init(pool: PostgresPool) {
        self.pool = pool
        ruleSets = RuleSetStore(pool: pool)
    }

    /// What version `number` of `tenant`'s rule sets would change in period `period`. Nil when the
    /// period does not exist; throws `versionNotFound` for an unknown version.
    public func simulate(tenant: UUID, number: Int, period: UUID, listLimit: Int = 1000) throws -> SimulationReport? {
        guard let candidate = try ruleSets.version(tenant: tenant, number: number) else {
            throw RuleSetStoreError.versionNotFound(number)
        }
        let loaded = try pool.transaction(tenant: tenant, readOnly: true) { c -> (String, CivilDate, [SimulationCase], [UUID: CapaianKinerjaOrganisasi])? in
            guard let row = try c.query("SELECT rule_set_version, starts_on, ends_on FROM evaluation_periods WHERE id = \(period)").first else {
                return nil
            }
            let (version, startsOn, endsOn) = try row.decode((String, PostgresDate, PostgresDate).self)
            let start = CivilDate(startsOn), end = CivilDate(endsOn)
            let cases = try c.query("""
                SELECT e.id, e.employee_id, p.name, p.type, p.status, p.managed_by_instansi_pembina, e.perangkat_daerah_id,
                       e.unit_kerja_id, e.status, e.hasil_kerja_rating, e.perilaku_kerja_rating, e.scores, e.predikat
                  FROM evaluations e JOIN employees p ON p.tenant_id = e.tenant_id AND p.id = e.employee_id
                 WHERE e.period_id = \(period)
                 ORDER BY p.name, e.id
                """).map { row in try Self.simulationCase(row, periodStart: start, periodEnd: end) }
            let capaian = try c.query("""
                SELECT scope_id, capaian FROM evaluation_groups WHERE period_id = \(period) AND capaian IS NOT NULL
                """).reduce(into: [UUID: CapaianKinerjaOrganisasi]()) { map, row in
                map[try row.decode(UUID.self, at: 0)] = CapaianKinerjaOrganisasi(rawValue: try row.decode(String.self, at: 1))
            }
            return (version, end, cases, capaian)
        }
        guard let (version, end, cases, capaian) = loaded else { return nil }
        // The rules the evaluations were made under: the version fixed when the period opened
        // ("slug@number"), or the one in force on its last day.
        let used = try RuleSetVersion.number(inReference: version).flatMap { try ruleSets.version(tenant: tenant, number: $0) }
            ?? ruleSets.inForce(tenant: tenant, on: end)
        let current = used?.ruleSet ?? candidate.ruleSet
        return RuleSetSimulation.run(cases, tenant: tenant, capaian: capaian, current: current, draft: candidate.ruleSet,
                                     listLimit: listLimit)
    }

    private static func simulationCase(_ row: PostgresRow, periodStart: CivilDate, periodEnd: CivilDate) throws -> SimulationCase {
        let type = try row.decode(String.self, at: 3)
        let status = try row.decode(String.self, at: 4)
        var statuses: [StatusPeriod] = []
        if let exempt = EmploymentStatus(rawValue: status) { statuses.append(StatusPeriod(status: exempt, from: periodStart)) }
        if try row.decode(Bool.self, at: 5) { statuses.append(StatusPeriod(status: .fungsionalInstansiPembina, from: periodStart)) }
        let hasil = try row.decode(String?.self, at: 9).flatMap(Rating.init(rawValue:))
        let perilaku = try row.decode(String?.self, at: 10).flatMap(Rating.init(rawValue:))
        let ratings = hasil.flatMap { h in perilaku.map { SimulationCase.Ratings(hasilKerja: h, perilakuKerja: $0) } }
        // Scores are stored as the weighted model's input; anything else cannot be rescored.
        let scores = try row.decode(PostgresJSONB?.self, at: 11).flatMap { try? $0.decode(WeightedModelInput.self) }
        return SimulationCase(
            evaluationID: try row.decode(UUID.self, at: 0), employeeID: try row.decode(UUID.self, at: 1),
            employeeName: try row.decode(String.self, at: 2),
            perangkatDaerahID: try row.decode(UUID?.self, at: 6), unitKerjaID: try row.decode(UUID?.self, at: 7),
            coverage: CoverageQuestion(employeeType: EmployeeType(rawValue: type) ?? .pns, statuses: statuses, on: periodEnd),
            excludedNow: try row.decode(String.self, at: 8) == "excluded",
            ratings: ratings, scores: scores, resultNow: try row.decode(String?.self, at: 12))
    }
}
