import Foundation
import Testing
import TestSupport
@testable import API

/// Figures, not assertions on time (HELPERS.md): a regency-sized period (15,000 employees in 30
/// perangkat daerah) behind the dashboard, ranking and TPP routes. Runs only with
/// KINERJA_FOLLOWUP_SCALE=1 (`KINERJA_FOLLOWUP_SCALE=1 scripts/test --filter FollowUpScaleTests`).
@Suite(.enabled(if: TestEnvironment.databaseURL != nil && ProcessInfo.processInfo.environment["KINERJA_FOLLOWUP_SCALE"] != nil))
struct FollowUpScaleTests {
    @Test func regencySizedPeriod() async throws {
        let f = try FollowUpAPIFixture()
        let tenant = f.base.tenant, period = f.period, group = f.base.perangkatDaerah
        try f.base.pool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status)
                SELECT \(tenant), gen_random_uuid(), '1990010120150' || lpad(i::text, 5, '0'), 'Pegawai ' || i, 'PNS', 'aktif'
                  FROM generate_series(1, 15000) i
                """)
            try c.query("""
                INSERT INTO evaluations (tenant_id, id, period_id, employee_id, evaluator_id, perangkat_daerah_id, group_id, status,
                                         excluded_reasons, assessment_due_at, predikat, finalised_at, created_at, updated_at)
                SELECT \(tenant), gen_random_uuid(), \(period), e.id, \(f.base.head), \(group), \(group),
                       s.status,
                       CASE WHEN s.status = 'excluded' THEN '[{"code":"exempt-status","message":"Tugas belajar"}]'::jsonb END,
                       now() - interval '1 day',
                       CASE WHEN s.status IN ('rated', 'final') THEN (ARRAY['sangat-baik','baik','baik','butuh-perbaikan','kurang'])[1 + n % 5] END,
                       CASE WHEN s.status = 'final' THEN now() END, now(), now()
                  FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM employees WHERE name LIKE 'Pegawai %') e
                  CROSS JOIN LATERAL (SELECT (ARRAY['final','final','final','rated','pending','submitted','excluded'])[1 + e.n % 7] AS status) s
                """)
            try c.query("ANALYZE evaluations")
        }
        for (name, path) in [("dashboard (tenant)", "/v1/dashboard/periods/\(period.uuidString.lowercased())"),
                             ("dashboard (unit)", "/v1/dashboard/periods/\(period.uuidString.lowercased())/units/\(f.unit)"),
                             ("ranking (unit)", f.periodPath + "/ranking?perangkatDaerah=" + f.unit),
                             ("tpp.csv", f.periodPath + "/tpp.csv")] {
            var best = Double.infinity
            var bytes = 0
            for _ in 0..<3 {
                let start = ContinuousClock.now
                let answer = try await f.raw("GET", path, as: f.base.admin)
                let elapsed = ContinuousClock.now - start
                #expect(answer.status == 200)
                bytes = answer.body.count
                best = min(best, Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)
            }
            print("followup-scale \(name): best of 3 \(String(format: "%.1f", best)) ms, \(bytes) bytes")
        }
    }
}
