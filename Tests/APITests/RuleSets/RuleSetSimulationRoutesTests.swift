import Foundation
import Kinerja
import Postgres
import Testing
import TestSupport
@testable import API

/// Issue 4 item 5 through HTTP: a central admin replays a draft over a period's evaluations and
/// reads what would change; nothing is written.
@Suite struct RuleSetSimulationRoutesTests {
    @Test func aDraftIsReplayedOverAPeriodWithoutWriting() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let base = "/v1/admin/tenants/\(world.slug)/rule-sets"

        // Version 1: Demak's rules for this tenant, in force from 2026. Version 2 (draft): PPPK no
        // longer covered, and groups of 2 or more are checked strictly.
        var document = try #require(try JSONSerialization.jsonObject(with: try SeededRuleSets.data(for: "demak")) as? [String: Any])
        document["tenant"] = world.slug
        #expect(try await world.client.send("POST", base, body: IdentityWorld.json(["document": document]), headers: admin).status == 201)
        #expect(try await world.client.send("POST", base + "/1/publish", body: IdentityWorld.json(["validFrom": "2026-01-01"]),
                                            headers: admin).status == 200)
        var coverage = try #require(document["coverage"] as? [String: Any])
        coverage["employeeTypes"] = (coverage["employeeTypes"] as? [[String: Any]])?.filter { $0["type"] as? String != "PPPK" }
        document["coverage"] = coverage
        var evaluation = try #require(document["evaluation"] as? [String: Any])
        var distribution = try #require(evaluation["distribution"] as? [String: Any])
        distribution["warnOnlyBelow"] = 2
        evaluation["distribution"] = distribution
        document["evaluation"] = evaluation
        #expect(try await world.client.send("POST", base, body: IdentityWorld.json(["document": document]), headers: admin).status == 201)

        // March 2026 under version 1: five employees (one PPPK) rated Baik in a Baik agency.
        let agency = try world.perangkatDaerah(), period = UUID(), now = Date()
        var pppk = UUID()
        try world.appPool.transaction(tenant: world.tenantID) { c in
            try c.query("""
                INSERT INTO evaluation_periods (tenant_id, id, kind, cadence, year, starts_on, ends_on, rule_set_version, model, opened_at)
                VALUES (\(world.tenantID), \(period), 'periodic', 'monthly', 2026, '2026-03-01', '2026-03-31',
                        \(world.slug + "@1"), 'quadrant', \(now))
                """)
            try c.query("""
                INSERT INTO evaluation_groups (tenant_id, period_id, scope, scope_id, capaian, capaian_set_at)
                VALUES (\(world.tenantID), \(period), 'perangkat-daerah', \(agency), 'baik', \(now))
                """)
            for index in 1...5 {
                let employee = UUID()
                if index == 5 { pppk = employee }
                try c.query("""
                    INSERT INTO employees (tenant_id, id, nip, name, type, status)
                    VALUES (\(world.tenantID), \(employee), \(IdentityWorld.uniqueNIP()), \("Pegawai \(index)"),
                            \(index == 5 ? "PPPK" : "PNS"), 'aktif')
                    """)
                try c.query("""
                    INSERT INTO evaluations (tenant_id, id, period_id, employee_id, perangkat_daerah_id, group_id, status,
                                             hasil_kerja_rating, perilaku_kerja_rating, predikat, created_at, updated_at)
                    VALUES (\(world.tenantID), \(UUID()), \(period), \(employee), \(agency), \(agency), 'rated',
                            'sesuai-ekspektasi', 'sesuai-ekspektasi', 'baik', \(now), \(now))
                    """)
            }
        }
        func fingerprint() throws -> String? {
            try world.appPool.transaction(tenant: world.tenantID) {
                try $0.query("SELECT string_agg(id::text || status || predikat, ',' ORDER BY id) FROM evaluations WHERE period_id = \(period)")
                    .first?.decode(String?.self, at: 0)
            }
        }
        let before = try fingerprint()

        let reply = try await world.client.send("POST", base + "/2/simulate",
                                                body: IdentityWorld.json(["periodId": period.uuidString]), headers: admin)
        #expect(reply.status == 200, "\(reply.text)")
        let report = try reply.json()
        #expect(report["evaluations"] as? Int == 5)
        #expect(report["coverageChanged"] as? Int == 1)
        #expect(report["resultsChanged"] as? Int == 0)
        #expect(report["groupsWithOutcomeChanged"] as? Int == 1)
        let changes = try #require(report["changes"] as? [[String: Any]])
        #expect(changes.map { $0["employeeId"] as? String } == [pppk.uuidString.lowercased()])
        #expect(changes.first?["kind"] as? String == "coverage")
        let groups = try #require(report["groups"] as? [[String: Any]])
        let after = try #require(groups.first?["after"] as? [String: Any])
        #expect((after["violations"] as? [Any])?.count == 2)

        #expect(try fingerprint() == before)
        let version2 = try await world.client.get(base + "/2", headers: admin)
        #expect(try version2.json()["status"] as? String == "draft")

        // An unknown period is 404; a tenant admin may not simulate.
        let unknown = try await world.client.send("POST", base + "/2/simulate",
                                                  body: IdentityWorld.json(["periodId": UUID().uuidString]), headers: admin)
        #expect(unknown.status == 404)
        try world.user(email: "bkpsdm-sim@kinerja.go.id", roles: [.tenantAdmin])
        let tenantAdmin = IdentityWorld.bearer(try await world.login("bkpsdm-sim@kinerja.go.id"))
        let refused = try await world.client.send("POST", base + "/2/simulate",
                                                  body: IdentityWorld.json(["periodId": period.uuidString]), headers: tenantAdmin)
        #expect(refused.status == 403)
    }
}
