import Foundation
import Testing
import TestSupport
@testable import API

/// The evaluation cycle end to end over HTTP.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "scripts/test sets KINERJA_TEST_DATABASE_URL"))
struct EvaluationRoutesTests {
    let now = Date(timeIntervalSince1970: 1_775_000_000)  // 2026-03-31 23:33 UTC

    static var sesuai: [String: Any] { ["hasilKerja": "sesuai-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"] }

    /// Karawang (quadrant): open, set capaian, rate, finalise refused with the exact violations,
    /// fixed by re-rating, then final and immutable.
    @Test func quadrantCycle() async throws {
        let f = try EvaluationAPIFixture(ruleSet: "karawang", staff: 10, now: now)
        let b = f.base
        // The last staff member is on study assignment: exempt (Perbup Karawang 28/2024).
        try b.pool.transaction(tenant: b.tenant) { c in
            try c.query("UPDATE employees SET status = 'tugas-belajar' WHERE id = \(b.staff[9])")
        }
        // Only tenant admins open periods; the cadence is monthly, so a quarter is refused with its article.
        #expect(try await f.send("POST", "/v1/evaluation-periods", as: b.pengawas, json: ["kind": "periodic", "year": 2026, "month": 3]).status == 403)
        let quarter = try await f.send("POST", "/v1/evaluation-periods", as: b.admin, json: ["kind": "periodic", "year": 2026, "quarter": 1])
        #expect(quarter.status == 422 && quarter.body["code"] as? String == "evaluation-period-invalid")
        #expect((quarter.body["basis"] as? [String: Any])?["regulation"] != nil)

        let opened = try await f.send("POST", "/v1/evaluation-periods", as: b.admin, json: ["kind": "periodic", "year": 2026, "month": 3])
        #expect(opened.status == 201)
        let period = try #require((opened.body["period"] as? [String: Any])?["id"] as? String)
        let coverage = try #require(opened.body["coverage"] as? [String: Any])
        #expect(coverage["total"] as? Int == 15 && coverage["excluded"] as? Int == 1)
        #expect((coverage["reasons"] as? [[String: Any]])?.first?["code"] as? String == "exempt-status")
        let again = try await f.send("POST", "/v1/evaluation-periods", as: b.admin, json: ["kind": "periodic", "year": 2026, "month": 3])
        #expect(again.status == 409 && again.body["existingId"] as? String == period)

        let group = EvaluationAPIFixture.id(b.perangkatDaerah)
        #expect(try await f.send("PUT", "/v1/evaluation-periods/\(period)/groups/\(group)/capaian", as: b.pengelola,
                                 json: ["capaian": "baik"]).status == 200)
        let all = try await f.evaluations(period: period)
        func evaluation(_ person: UUID) throws -> String {
            try #require(all[EvaluationAPIFixture.id(person)]?["id"] as? String)
        }

        // Refusals name their rule and article.
        let outsider = try await f.send("PUT", "/v1/evaluations/\(try evaluation(b.staff[0]))/rating", as: b.head, json: Self.sesuai)
        #expect(outsider.status == 403 && outsider.body["code"] as? String == "evaluation-not-evaluator")
        #expect((outsider.body["basis"] as? [String: Any])?["regulation"] as? String == "PermenPANRB 6/2022")
        let excluded = try await f.send("PUT", "/v1/evaluations/\(try evaluation(b.staff[9]))/rating", as: b.pengawas, json: Self.sesuai)
        #expect(excluded.status == 409 && excluded.body["code"] as? String == "evaluation-employee-excluded")
        #expect(excluded.body["rule"] as? String != nil && excluded.body["basis"] != nil)
        let wrong = try await f.send("PUT", "/v1/evaluations/\(try evaluation(b.staff[0]))/rating", as: b.pengawas, json: [
            "scores": ["jobKind": "pelaksana", "activities": [] as [Any],
                       "perilaku": ["orientasiPelayanan": 80, "komitmen": 80, "inisiatifKerja": 80, "kerjasama": 80]]])
        #expect(wrong.status == 422 && wrong.body["code"] as? String == "evaluation-wrong-model")
        let early = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: b.admin)
        #expect(early.status == 409 && early.body["unrated"] as? Int == 14)

        // Everyone obliged is rated Baik: the Pengawas rates the staff, the head the rest, the admin the head.
        for person in b.staff.prefix(9) {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: b.pengawas, json: Self.sesuai).status == 200)
        }
        for person in [b.pengawas, b.outsider, b.admin, b.pengelola] {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: b.head, json: Self.sesuai).status == 200)
        }
        let headRated = try await f.send("PUT", "/v1/evaluations/\(try evaluation(b.head))/rating", as: b.admin,
                                         json: Self.sesuai.merging(["leadsUnit": true, "notes": "Capaian unit sesuai."]) { $1 })
        #expect(headRated.status == 200 && headRated.body["predikat"] as? String == "baik" && headRated.body["leadsUnit"] as? Bool == true)

        // 14 × Baik under capaian Baik: two blocking violations, each with its numbers and article.
        let refused = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: b.pengelola)
        #expect(refused.status == 422 && refused.body["code"] as? String == "evaluation-distribution-violated")
        let violations = try #require(refused.body["violations"] as? [[String: Any]])
        #expect(violations.map { $0["rule"] as? String } == ["baik/baik/at-most-70-percent", "baik/butuh-perbaikan+kurang/at-least-1-person"])
        #expect(violations.map { [$0["limit"], $0["actual"], $0["by"]] as? [Int] } == [[9, 14, 5], [1, 0, 1]])
        #expect(violations.allSatisfy { ($0["basis"] as? [String: Any])?["regulation"] as? String == "SE MenPANRB 3/2023" })
        #expect((refused.body["detail"] as? String)?.contains("kelebihan 5 orang") == true)

        // Re-rating fixes it: 4 Sangat Baik, 1 Butuh Perbaikan, 9 Baik.
        for person in b.staff.prefix(4) {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: b.pengawas,
                                     json: ["hasilKerja": "di-atas-ekspektasi", "perilakuKerja": "di-atas-ekspektasi"]).status == 200)
        }
        let poor = try await f.send("PUT", "/v1/evaluations/\(try evaluation(b.staff[4]))/rating", as: b.pengawas,
                                    json: ["hasilKerja": "di-bawah-ekspektasi", "perilakuKerja": "sesuai-ekspektasi",
                                           "recommendation": "Bimbingan teknis pengolahan data."])
        #expect(poor.body["predikat"] as? String == "butuh-perbaikan")
        let finalised = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: b.pengelola)
        #expect(finalised.status == 200 && finalised.body["finalised"] as? Int == 14)
        #expect((finalised.body["warnings"] as? [Any])?.isEmpty == true)
        #expect(try b.jobKinds().filter { $0 == "document.evaluation" }.count == 14)

        // Final: re-rating is refused; the employee reads the stored explanation.
        let late = try await f.send("PUT", "/v1/evaluations/\(try evaluation(b.staff[0]))/rating", as: b.pengawas, json: Self.sesuai)
        #expect(late.status == 409 && late.body["code"] as? String == "evaluation-final")
        #expect((late.body["basis"] as? [String: Any])?["article"] as? String == "Pasal 59")
        let mine = try await f.send("GET", "/v1/me/evaluations", as: b.staff[0])
        let own = try #require((mine.body["items"] as? [[String: Any]])?.first)
        #expect(own["status"] as? String == "final" && own["predikat"] as? String == "sangat-baik")
        #expect(((own["explanation"] as? [String: Any])?["steps"] as? [Any])?.isEmpty == false)

        // The Pengawas's screen: their ten staff, paginated, with the excluded one counted by reason.
        let page = try await f.send("GET", "/v1/evaluation-periods/\(period)/evaluations?limit=4", as: b.pengawas)
        #expect((page.body["items"] as? [Any])?.count == 4 && page.body["nextCursor"] as? String != nil)
        let pageCoverage = try #require(page.body["coverage"] as? [String: Any])
        #expect(pageCoverage["total"] as? Int == 10 && pageCoverage["excluded"] as? Int == 1)
        // Another employee's evaluation is not found for a stranger.
        #expect(try await f.send("GET", "/v1/evaluations/\(try evaluation(b.staff[0]))", as: b.staff[1]).status == 404)
        let summary = try await f.send("GET", "/v1/evaluation-periods/\(period)", as: b.admin)
        #expect((summary.body["coverage"] as? [String: Any])?["excluded"] as? Int == 1)
    }

    /// Pasuruan (weighted, 60/40): scores give nilai and category; results start the 2-day window.
    /// The Pengawas rates the whole team in one request: all or nothing, the refusal naming the
    /// position it stopped at; field errors point into the item; the body is bounded.
    @Test func anEvaluatorRatesTheTeamInOneRequest() async throws {
        let f = try EvaluationAPIFixture(ruleSet: "karawang", staff: 10, now: now)
        let b = f.base
        try b.pool.transaction(tenant: b.tenant) { c in
            try c.query("UPDATE employees SET status = 'tugas-belajar' WHERE id = \(b.staff[9])")
        }
        let opened = try await f.send("POST", "/v1/evaluation-periods", as: b.admin, json: ["kind": "periodic", "year": 2026, "month": 3])
        let period = try #require((opened.body["period"] as? [String: Any])?["id"] as? String)
        let all = try await f.evaluations(period: period)
        func evaluation(_ person: UUID) throws -> String {
            try #require(all[EvaluationAPIFixture.id(person)]?["id"] as? String)
        }
        func item(_ person: UUID) throws -> [String: Any] { Self.sesuai.merging(["evaluationId": try evaluation(person)]) { a, _ in a } }
        let path = "/v1/evaluation-periods/\(period)/ratings"

        let withExcluded = try await f.send("PUT", path, as: b.pengawas, json: ["ratings": try b.staff.map(item)])
        #expect(withExcluded.status == 409 && withExcluded.body["code"] as? String == "evaluation-employee-excluded")
        #expect(withExcluded.body["index"] as? Int == 9)
        let notMine = try await f.send("PUT", path, as: b.pengawas, json: ["ratings": [try item(b.staff[0]), try item(b.head)]])
        #expect(notMine.status == 403 && notMine.body["code"] as? String == "evaluation-not-evaluator" && notMine.body["index"] as? Int == 1)
        let still = try await f.send("GET", "/v1/evaluations/\(try evaluation(b.staff[0]))", as: b.pengawas)
        #expect(still.body["status"] as? String == "pending")

        var halfDone = try b.staff.prefix(3).map(item)
        halfDone[2]["perilakuKerja"] = nil
        let invalid = try await f.send("PUT", path, as: b.pengawas, json: ["ratings": halfDone])
        #expect(invalid.status == 422)
        #expect((invalid.body["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/ratings/2/perilakuKerja")
        let tooMany = try await f.send("PUT", path, as: b.pengawas,
                                       json: ["ratings": (0...TeamRatingBody.maxItems).map { _ in ["evaluationId": UUID().uuidString] }])
        #expect(tooMany.status == 422 && (tooMany.body["errors"] as? [[String: Any]])?.first?["code"] as? String == "too-many")

        let team = try await f.send("PUT", path, as: b.pengawas, json: ["ratings": try b.staff.prefix(9).map(item)])
        #expect(team.status == 200)
        let items = try #require(team.body["items"] as? [[String: Any]])
        #expect(items.count == 9 && items.allSatisfy { $0["status"] as? String == "rated" && $0["predikat"] as? String == "baik" })
    }

    @Test func weightedRating() async throws {
        let f = try EvaluationAPIFixture(ruleSet: "pasuruan", staff: 2, now: now)
        let b = f.base
        let opened = try await f.send("POST", "/v1/evaluation-periods", as: b.admin, json: ["kind": "periodic", "year": 2026, "month": 3])
        #expect(opened.status == 201)
        let period = try #require((opened.body["period"] as? [String: Any])?["id"] as? String)
        #expect((opened.body["period"] as? [String: Any])?["model"] as? String == "weighted")
        let group = EvaluationAPIFixture.id(b.perangkatDaerah)
        let capaian = try await f.send("PUT", "/v1/evaluation-periods/\(period)/groups/\(group)/capaian", as: b.admin,
                                       json: ["capaian": "baik"])
        #expect(capaian.status == 409 && capaian.body["code"] as? String == "evaluation-capaian-not-applicable")

        let all = try await f.evaluations(period: period)
        let id = try #require(all[EvaluationAPIFixture.id(b.staff[0])]?["id"] as? String)
        let submitted = try await f.send("POST", "/v1/evaluations/\(id)/results", as: b.staff[0])
        #expect(submitted.status == 200 && submitted.body["status"] as? String == "submitted")
        // Perbup Pasuruan 117/2019 Pasal 15 ayat (2): 2 calendar days after 2026-04-01 (WIB) → end of 2026-04-03 WIB.
        #expect(submitted.body["assessmentDueAt"] as? String == "2026-04-03T16:59:59Z")

        let quadrant = try await f.send("PUT", "/v1/evaluations/\(id)/rating", as: b.pengawas, json: Self.sesuai)
        #expect(quadrant.status == 422 && quadrant.body["code"] as? String == "evaluation-wrong-model")
        let rated = try await f.send("PUT", "/v1/evaluations/\(id)/rating", as: b.pengawas, json: [
            "scores": ["jobKind": "pelaksana",
                       "activities": [["name": "Laporan bulanan", "quantity": ["target": 10, "realisation": 10],
                                       "quality": ["target": 100, "realisation": 100], "time": ["target": 12, "realisation": 12]]],
                       "perilaku": ["orientasiPelayanan": 80, "komitmen": 80, "inisiatifKerja": 80, "kerjasama": 80]],
            "notes": "Tepat waktu."])
        #expect(rated.status == 200 && rated.body["predikat"] as? String == "baik")
        #expect((rated.body["nilai"] as? NSNumber)?.decimalValue == Decimal(string: "87.2"))
        let steps = try #require((rated.body["explanation"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["basis"] as? [String: Any])?["article"] as? String == "Pasal 13 ayat (2)" })
        let stored = try await f.send("GET", "/v1/evaluations/\(id)", as: b.staff[0])
        #expect((stored.body["nilai"] as? NSNumber)?.decimalValue == Decimal(string: "87.2"))

        let badScores = try await f.send("PUT", "/v1/evaluations/\(id)/rating", as: b.pengawas, json: [
            "scores": ["jobKind": "pelaksana", "activities": [] as [Any],
                       "perilaku": ["orientasiPelayanan": 80, "komitmen": 80, "inisiatifKerja": 80, "kerjasama": 80]]])
        #expect(badScores.status == 422 && badScores.body["code"] as? String == "evaluation-invalid-scores")
        #expect((badScores.body["basis"] as? [String: Any])?["regulation"] as? String == "Perbup Pasuruan 117/2019")

        // Only tenant admins read the overdue report.
        #expect(try await f.send("GET", "/v1/reports/evaluations-overdue", as: b.pengawas).status == 403)
        #expect(try await f.send("GET", "/v1/reports/evaluations-overdue?period=\(period)", as: b.admin).status == 200)
    }
}
