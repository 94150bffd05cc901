import Foundation
import Testing
import TestSupport
@testable import API

/// Follow-up and dashboards end to end over HTTP on a period written as the evaluation core
/// leaves it (`FollowUpAPIFixture`): each route, its permissions, and its refusals as
/// problem+json naming the rule and the article.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "run scripts/test")) struct FollowUpRoutesTests {
    @Test func rankingInAUnitSharesRanksAndCountsTheExcluded() async throws {
        let f = try FollowUpAPIFixture()
        let path = f.periodPath + "/ranking?perangkatDaerah=" + f.unit
        let ranking = try await f.send("GET", path, as: f.base.pengelola)
        #expect(ranking.status == 200)
        let entries = try #require(ranking.body["entries"] as? [[String: Any]])
        // Sangat Baik first; the three Baik share rank 2; Kurang is 5th. The rated one is not final.
        #expect(entries.map { $0["rank"] as? Int } == [1, 2, 2, 2, 5])
        #expect(entries.first?["employeeID"] as? String == f.base.staff[0].uuidString.lowercased())
        #expect(ranking.body["complete"] as? Bool == false && ranking.body["notFinal"] as? Int == 2)
        let excluded = try #require(ranking.body["excluded"] as? [String: Any])
        #expect(excluded["count"] as? Int == 1)
        let reason = try #require((excluded["reasons"] as? [[String: Any]])?.first)
        #expect(reason["code"] as? String == "exempt-status" && reason["basis"] as? String == "Perbup Karawang 28/2024 Pasal 4")

        #expect(try await f.send("GET", path, as: f.base.staff[0]).status == 403)
        #expect(try await f.send("GET", path, as: nil).status == 401)
        #expect(try await f.send("GET", f.periodPath + "/ranking", as: f.base.admin).status == 400)
    }

    @Test func rewardsOnlyForAFinalSangatBaik() async throws {
        let f = try FollowUpAPIFixture()
        let best = try #require(f.evaluations[f.base.staff[0]]).uuidString.lowercased()
        let good = try #require(f.evaluations[f.base.staff[1]]).uuidString.lowercased()
        let granted = try await f.send("POST", "/v1/evaluations/\(best)/rewards", as: f.base.pengelola,
                                       json: ["kind": "kelompok-rencana-suksesi", "notes": "Calon suksesi Kabid"])
        #expect(granted.status == 201)
        #expect(granted.body["kind"] as? String == "kelompok-rencana-suksesi")
        let again = try await f.send("POST", "/v1/evaluations/\(best)/rewards", as: f.base.admin,
                                     json: ["kind": "kelompok-rencana-suksesi"])
        #expect(again.status == 409)

        let refused = try await f.send("POST", "/v1/evaluations/\(good)/rewards", as: f.base.admin,
                                       json: ["kind": "pengembangan-kompetensi"])
        #expect(refused.status == 422)
        #expect(refused.body["type"] as? String == "https://kinerja.go.id/problems/reward-predikat-not-eligible")
        #expect((refused.body["detail"] as? String)?.hasSuffix("(Perbup Tanah Laut 2024 Pasal 30 ayat (1))") == true)
        let notPermitted = try await f.send("POST", "/v1/evaluations/\(best)/rewards", as: f.base.head,
                                            json: ["kind": "penghargaan"])
        #expect(notPermitted.status == 403)
        #expect((notPermitted.body["detail"] as? String)?.contains("Pasal 27 ayat (1)") == true)
        #expect(try await f.send("POST", "/v1/evaluations/\(best)/rewards", as: f.base.admin,
                                 json: ["kind": "uang"]).status == 422)

        // The reward is in the tenant's audit chain, in the same transaction as the row.
        let audited = try f.base.pool.transaction(tenant: f.base.tenant, readOnly: true) { c in
            try c.query("SELECT count(*)::int FROM audit_log WHERE entity = 'reward' AND action = 'create'").first?.decode(Int.self, at: 0)
        }
        #expect(audited == 1)

        let list = try await f.send("GET", f.periodPath + "/rewards?perangkatDaerah=" + f.unit, as: f.base.pengelola)
        #expect((list.body["items"] as? [[String: Any]])?.count == 1)
        #expect(try await f.send("GET", f.periodPath + "/rewards", as: f.base.pengelola).status == 403)
    }

    @Test func improvementWindowsAreGeneratedOnceAndTheirOutcomeRecorded() async throws {
        let f = try FollowUpAPIFixture()
        let generated = try await f.send("POST", f.periodPath + "/improvement-windows/generate", as: f.base.admin)
        #expect(generated.status == 200)
        #expect(generated.body["created"] as? Int == 1 && generated.body["qualifying"] as? Int == 1)
        let window = try #require((generated.body["windows"] as? [[String: Any]])?.first)
        #expect(window["employeeID"] as? String == f.base.staff[2].uuidString.lowercased())
        // Finalised 2027-01-15 (WIB): from the 16th, six months.
        #expect(window["startsOn"] as? String == "2027-01-16" && window["endsOn"] as? String == "2027-07-15")
        #expect((generated.body["skipped"] as? [[String: Any]])?.first?["count"] as? Int == 4)

        let again = try await f.send("POST", f.periodPath + "/improvement-windows/generate", as: f.base.admin)
        #expect(again.body["created"] as? Int == 0 && again.body["existing"] as? Int == 1)

        let open = try await f.send("GET", "/v1/improvement-windows?status=open&perangkatDaerah=" + f.unit, as: f.base.pengelola)
        #expect((open.body["items"] as? [[String: Any]])?.count == 1)
        #expect((try await f.send("GET", "/v1/improvement-windows?status=ending", as: f.base.admin).body["items"]
                 as? [[String: Any]])?.isEmpty == true)

        let id = try #require(window["id"] as? String)
        let early = try await f.send("POST", "/v1/improvement-windows/\(id)/outcome", as: f.base.admin,
                                     json: ["outcome": "not-improved", "notes": "Tidak ada perbaikan"])
        #expect(early.status == 409)
        #expect((early.body["detail"] as? String)?.contains("Pasal 34 huruf a") == true)
        let noNotes = try await f.send("POST", "/v1/improvement-windows/\(id)/outcome", as: f.base.admin,
                                       json: ["outcome": "not-improved"])
        #expect(noNotes.status == 422 && (noNotes.body["detail"] as? String)?.contains("Pasal 34 huruf c") == true)

        f.set(now: FollowUpAPIFixture.instant("2027-07-01T02:00:00Z"))
        let ending = try await f.send("GET", "/v1/improvement-windows?status=ending", as: f.base.admin)
        #expect((ending.body["items"] as? [[String: Any]])?.count == 1)

        f.set(now: FollowUpAPIFixture.instant("2027-07-16T02:00:00Z"))
        #expect(try await f.send("POST", "/v1/improvement-windows/\(id)/outcome", as: f.base.outsider,
                                 json: ["outcome": "improved"]).status == 403)
        let recorded = try await f.send("POST", "/v1/improvement-windows/\(id)/outcome", as: f.base.pengelola,
                                        json: ["outcome": "not-improved", "notes": "Mengikuti uji kompetensi"])
        #expect(recorded.status == 200 && recorded.body["status"] as? String == "not-improved")
        #expect(try await f.send("POST", "/v1/improvement-windows/\(id)/outcome", as: f.base.admin,
                                 json: ["outcome": "cancelled", "notes": "x"]).status == 409)
        let closed = try await f.send("GET", "/v1/improvement-windows?status=closed", as: f.base.admin)
        #expect((closed.body["items"] as? [[String: Any]])?.count == 1)
    }

    @Test func windowsFollowOnlyFromTheAnnualPeriod() async throws {
        let f = try FollowUpAPIFixture()
        try f.base.pool.transaction(tenant: f.base.tenant) { c in
            try c.query("""
                INSERT INTO evaluation_periods (tenant_id, id, kind, cadence, year, starts_on, ends_on, rule_set_version, model, opened_at)
                VALUES (\(f.base.tenant), \(UUID()), 'periodic', 'quarterly', 2026, '2026-01-01', '2026-03-31', 'uji@1', 'quadrant', now())
                """)
        }
        let quarter = try #require(try f.base.pool.transaction(tenant: f.base.tenant) { c in
            try c.query("SELECT id FROM evaluation_periods WHERE kind = 'periodic'").first?.decode(UUID.self, at: 0)
        })
        let refused = try await f.send("POST", "/v1/evaluation-periods/\(quarter.uuidString.lowercased())/improvement-windows/generate",
                                       as: f.base.admin)
        #expect(refused.status == 422)
        #expect(refused.body["type"] as? String == "https://kinerja.go.id/problems/improvement-window-not-annual")
        #expect((refused.body["detail"] as? String)?.contains("Pasal 33 huruf a") == true)
    }

    @Test func tppBasisIsRFC4180CSVForTheTenantAdmin() async throws {
        let f = try FollowUpAPIFixture()
        // A name a spreadsheet would run as a formula, with a comma and quotes.
        try f.base.pool.transaction(tenant: f.base.tenant) { c in
            try c.query("UPDATE employees SET name = '=HYPERLINK(\"x\"), S.Kom.' WHERE id = \(f.base.staff[0])")
        }
        let answer = try await f.raw("GET", f.periodPath + "/tpp.csv", as: f.base.admin)
        #expect(answer.status == 200)
        #expect(answer.contentType == "text/csv; charset=utf-8")
        let text = String(decoding: answer.body, as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines.first == "\"nip\",\"nama\",\"perangkat_daerah\",\"periode\",\"predikat\",\"nilai\",\"status\",\"alasan_pengecualian\",\"versi_dokumen\"")
        #expect(lines.count == 8 + 2)   // header, eight employees, and the empty string after the last CRLF
        #expect(lines.last == "")
        #expect(text.contains("\"'=HYPERLINK(\"\"x\"\"), S.Kom.\",\"Dinas Kominfo\",\"2026 tahunan\",\"sangat-baik\",\"\",\"final\",\"\",\"1\""))
        #expect(text.contains("\"Analis Lain\",\"Dinas Kominfo\",\"2026 tahunan\",\"\",\"\",\"dikecualikan\",\"Tugas belajar\",\"\""))
        #expect(text.contains(",\"\",\"\",\"belum-final\",\"\",\"\""))

        let refused = try await f.send("GET", f.periodPath + "/tpp.csv", as: f.base.pengelola)
        #expect(refused.status == 403)
        #expect(refused.body["type"] as? String == "https://kinerja.go.id/problems/follow-up-not-permitted")
    }

    @Test func creditPointsForFunctionalOfficials() async throws {
        let f = try FollowUpAPIFixture()
        let report = try await f.send("GET", f.periodPath + "/credit-points?perangkatDaerah=" + f.unit, as: f.base.pengelola)
        #expect(report.status == 200 && report.body["months"] as? Int == 12)
        let entries = try #require(report.body["entries"] as? [[String: Any]])
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry["jenjang"] as? String == "ahli-muda")
        let points = try #require(entry["creditPoints"] as? [String: Any])
        #expect((points["value"] as? [String: Any])?["angkaKredit"] as? Double == 25)
        #expect(((points["explanation"] as? [String: Any])?["steps"] as? [Any])?.isEmpty == false)
    }

    @Test func dashboardsForTheTenantAndTheUnit() async throws {
        let f = try FollowUpAPIFixture()
        let tenant = try await f.send("GET", "/v1/dashboard/periods/" + f.period.uuidString.lowercased(), as: f.base.admin)
        #expect(tenant.status == 200)
        let skp = try #require(tenant.body["skp"] as? [String: Int])
        #expect(skp == ["obliged": 7, "approved": 1, "submitted": 0, "draft": 1, "missing": 5])
        let evaluations = try #require(tenant.body["evaluations"] as? [String: Int])
        #expect(evaluations == ["pending": 1, "submitted": 0, "rated": 1, "final": 5, "excluded": 1])
        #expect(tenant.body["objections"] as? [String: Int] == ["open": 1, "overdue": 1, "decided": 0])
        let overdue = try #require(tenant.body["overdueEvaluators"] as? [[String: Any]])
        #expect(overdue.count == 1 && overdue.first?["evaluatorID"] as? String == f.base.head.uuidString.lowercased())
        #expect(tenant.body["overdueAssessments"] as? Int == 1)
        #expect((tenant.body["excluded"] as? [String: Any])?["count"] as? Int == 1)
        // Capaian Baik, 6 with a predikat (1 Sangat Baik, 4 Baik, 1 Kurang): Baik at most floor(4.2) = 4 holds,
        // and so does "at least one Butuh Perbaikan or Kurang".
        let group = try #require((tenant.body["distribution"] as? [[String: Any]])?.first)
        #expect(group["counts"] as? [String: Int] == ["sangat-baik": 1, "baik": 4, "kurang": 1])
        #expect(((group["check"] as? [String: Any])?["violations"] as? [[String: Any]])?.isEmpty == true)
        // Had the organisation achieved only Butuh Perbaikan: at least ceil(3.6) = 4 Butuh Perbaikan (short by 4),
        // at most floor(0.6) = 0 Sangat Baik (over by 1); a group under 10 only warns.
        try f.base.pool.transaction(tenant: f.base.tenant) { c in
            try c.query("UPDATE evaluation_groups SET capaian = 'butuh-perbaikan' WHERE period_id = \(f.period)")
        }
        let again = try await f.send("GET", "/v1/dashboard/periods/" + f.period.uuidString.lowercased(), as: f.base.admin)
        let check = try #require(((again.body["distribution"] as? [[String: Any]])?.first)?["check"] as? [String: Any])
        let violations = try #require(check["violations"] as? [[String: Any]])
        #expect(violations.map { $0["code"] as? String } == ["butuh-perbaikan/butuh-perbaikan/at-least-60-percent",
                                                               "butuh-perbaikan/sangat-baik/at-most-10-percent"])
        #expect(violations.map { $0["by"] as? Int } == [4, 1])
        #expect(violations.allSatisfy { $0["severity"] as? String == "warning" } && check["warnOnly"] as? Bool == true)

        let unitPath = "/v1/dashboard/periods/\(f.period.uuidString.lowercased())/units/\(f.unit)"
        let unit = try await f.send("GET", unitPath, as: f.base.pengelola)
        #expect(unit.status == 200 && unit.body["scope"] as? String == "perangkat-daerah")
        #expect(try await f.send("GET", "/v1/dashboard/periods/" + f.period.uuidString.lowercased(), as: f.base.pengelola).status == 403)
        let refused = try await f.send("GET", unitPath, as: f.base.pengawas)
        #expect(refused.status == 403 && refused.body["type"] as? String == "https://kinerja.go.id/problems/follow-up-not-permitted")
        let other = "/v1/dashboard/periods/\(f.period.uuidString.lowercased())/units/\(UUID().uuidString.lowercased())"
        #expect(try await f.send("GET", other, as: f.base.pengelola).status == 403)
    }

    @Test func anotherTenantSeesNothing() async throws {
        let f = try FollowUpAPIFixture()
        let g = try FollowUpAPIFixture()
        // g's admin asks f's server about f's period: the token is g's tenant, RLS hides f's rows.
        let path = "/v1/dashboard/periods/" + f.period.uuidString.lowercased()
        #expect(try await f.raw("GET", path, as: nil, token: g.base.tokens[g.base.admin]).status == 404)
        // And the stores under g's tenant find none of f's rows.
        let rows = try g.base.pool.transaction(tenant: g.base.tenant, readOnly: true) { c in
            try c.query("""
                SELECT (SELECT count(*) FROM evaluations WHERE period_id = \(f.period))::int
                     + (SELECT count(*) FROM evaluation_periods WHERE id = \(f.period))::int
                     + (SELECT count(*) FROM objections o JOIN evaluations e ON e.id = o.evaluation_id WHERE e.period_id = \(f.period))::int
                """).first?.decode(Int.self, at: 0)
        }
        #expect(rows == 0)
        #expect(try await g.send("GET", f.periodPath + "/tpp.csv", as: g.base.admin).status == 404)
    }
}
