import Foundation
import Kinerja
import Testing
import TestSupport
@testable import API

/// Objections end to end over HTTP: receipt, filing in time and refused as late (Tanah Laut's
/// working days across the 2026 Nyepi/Idul Fitri cluster), the hearing, a decision that changes the
/// predikat (the final evaluation row at version 2, the documents and notifications queued), an
/// upheld one, refusals as problem+json naming the article, and another tenant seeing nothing.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "run scripts/test")) struct ObjectionRoutesTests {
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? .distantPast }

    @Test func tanahLautFiledAtTheLastMinuteHeardAndChanged() async throws {
        let f = try ObjectionAPIFixture(ruleSet: "tanah-laut", now: Self.at("2026-03-16T01:00:00Z"))
        let evaluation = try f.finalEvaluation(finalisedAt: Self.at("2026-03-13T02:00:00Z")).uuidString.lowercased()

        // Receipt: by the employee only, once; someone with no part in it does not see it.
        #expect(try await f.send("POST", "/v1/evaluations/\(evaluation)/receipt", as: f.org.outsider).status == 404)
        let notMine = try await f.send("POST", "/v1/evaluations/\(evaluation)/receipt", as: f.decider)
        #expect(notMine.status == 403)
        #expect(notMine.body["type"] as? String == "https://kinerja.go.id/problems/objection-not-the-employee")
        #expect((notMine.body["detail"] as? String)?.hasSuffix("(Perbup Tanah Laut 2024 Pasal 35)") == true)
        let receipt = try await f.send("POST", "/v1/evaluations/\(evaluation)/receipt", as: f.employee)
        #expect(receipt.status == 200)
        #expect(receipt.body["receivedAt"] as? String == "2026-03-16T01:00:00Z")
        // Monday 16 March WITA: 17 March counts, 18–24 March are off, so is Good Friday → 13 April.
        #expect(((receipt.body["filing"] as? [String: Any])?["value"] as? [String: Any])?["due"] as? String == "2026-04-13")
        let again = try await f.send("POST", "/v1/evaluations/\(evaluation)/receipt", as: f.employee)
        #expect(again.status == 409 && again.body["type"] as? String == "https://kinerja.go.id/problems/evaluation-receipt-already-recorded")

        // 23:59 WITA on the last day: in time.
        f.set(now: Self.at("2026-04-13T15:59:00Z"))
        #expect(try await f.send("POST", "/v1/evaluations/\(evaluation)/objection", as: f.employee, json: ["reasons": " "]).status == 422)
        let filed = try await f.send("POST", "/v1/evaluations/\(evaluation)/objection", as: f.employee,
                                     json: ["reasons": "Capaian IKI kedua telah 100% tetapi dinilai di bawah ekspektasi."])
        #expect(filed.status == 201)
        let id = try #require(filed.body["id"] as? String)
        #expect(filed.body["filingDeadline"] as? String == "2026-04-13T15:59:59Z")
        #expect(filed.body["decisionDueAt"] as? String == "2026-04-22T15:59:59Z")   // 7 working days from 13 April
        #expect(filed.body["deciderId"] as? String == f.decider.uuidString.lowercased())
        #expect(filed.body["status"] as? String == "filed" && filed.body["overdue"] as? Bool == false)
        let second = try await f.send("POST", "/v1/evaluations/\(evaluation)/objection", as: f.employee, json: ["reasons": "Lagi"])
        #expect(second.status == 409 && second.body["type"] as? String == "https://kinerja.go.id/problems/objection-already-filed")

        // The hearing and the decision are the decider's; both sides are heard first.
        let evaluatorHears = try await f.send("POST", "/v1/objections/\(id)/hearing", as: f.evaluator,
                                              json: ["evaluatorExplanation": "Saya menilai sendiri"])
        #expect(evaluatorHears.status == 403)
        #expect(evaluatorHears.body["type"] as? String == "https://kinerja.go.id/problems/objection-not-the-decider")
        let change: [String: Any] = ["outcome": "changed", "ratings": ["hasilKerja": "sesuai-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"],
                                     "recommendation": "Pertahankan capaian; ikuti pelatihan analisis data.",
                                     "notes": "Bukti capaian IKI kedua sah."]
        let early = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider, json: change)
        #expect(early.status == 409 && early.body["type"] as? String == "https://kinerja.go.id/problems/objection-hearing-incomplete")
        #expect(try await f.send("POST", "/v1/objections/\(id)/hearing", as: f.decider,
                                 json: ["employeeExplanation": "Laporan realisasi bulan Desember terlambat diunggah."]).status == 200)
        let heard = try await f.send("POST", "/v1/objections/\(id)/hearing", as: f.decider,
                                     json: ["evaluatorExplanation": "Bukti belum ada saat penilaian."])
        #expect((heard.body["hearing"] as? [String: Any])?.count == 2)

        // Deadlines and overdue decisions are visible.
        let queue = try await f.send("GET", "/v1/decider/objections", as: f.decider)
        #expect((queue.body["items"] as? [[String: Any]])?.map { $0["overdue"] as? Bool } == [false])
        f.set(now: Self.at("2026-04-23T01:00:00Z"))
        #expect(((try await f.send("GET", "/v1/decider/objections", as: f.decider)).body["items"] as? [[String: Any]])?
            .first?["overdue"] as? Bool == true)
        let report = try await f.send("GET", "/v1/reports/objections-overdue", as: f.org.admin)
        #expect((report.body["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])
        #expect(try await f.send("GET", "/v1/reports/objections-overdue", as: f.employee).status == 403)

        // A late decision is still made, and marked late; it changes the predikat.
        let decided = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider, json: change)
        #expect(decided.status == 200)
        let decision = try #require(decided.body["decision"] as? [String: Any])
        #expect(decision["outcome"] as? String == "changed" && decision["late"] as? Bool == true)
        #expect((decision["previousResult"] as? [String: Any])?["predikat"] as? String == "butuh-perbaikan")
        #expect((decision["newResult"] as? [String: Any])?["predikat"] as? String == "baik")
        let row = try f.evaluationRow(try #require(UUID(uuidString: evaluation)))
        #expect(row.version == 2 && row.predikat == "baik" && row.hasilKerja == "sesuai-ekspektasi")
        #expect(row.recommendation == "Pertahankan capaian; ikuti pelatihan analisis data.")
        #expect(row.explanation.contains(id) && row.explanation.contains("Perbup Tanah Laut 2024"))
        let jobs = try f.jobs()
        #expect(jobs.map(\.kind) == ["objection.filed", "document.evaluation", "document.objection-decision", "objection.decided"])
        #expect(jobs[0].args["recipientId"] as? String == f.decider.uuidString.lowercased())
        #expect(jobs[1].uniqueKey == "document.evaluation:\(evaluation):v2")
        #expect(jobs[1].args["version"] as? Int == 2 && jobs[1].args["evaluationId"] as? String == evaluation)
        #expect(jobs[1].args["tenantId"] as? String == f.org.tenant.uuidString.lowercased())
        #expect(jobs[2].uniqueKey == "document.objection-decision:\(id)" && jobs[2].args["objectionId"] as? String == id)
        #expect(jobs[3].args["recipientId"] as? String == f.employee.uuidString.lowercased())

        // Final: no second decision, no hearing after it; the overdue list is empty again.
        let twice = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider, json: ["outcome": "upheld"])
        #expect(twice.status == 409 && twice.body["type"] as? String == "https://kinerja.go.id/problems/objection-already-decided")
        #expect(try await f.send("POST", "/v1/objections/\(id)/hearing", as: f.decider,
                                 json: ["employeeExplanation": "Tambahan"]).status == 409)
        #expect(((try await f.send("GET", "/v1/reports/objections-overdue", as: f.org.admin)).body["items"] as? [Any])?.isEmpty == true)
        // The employee reads their own objection.
        let mine = try await f.send("GET", "/v1/objections/\(id)", as: f.employee)
        #expect(mine.status == 200 && mine.body["status"] as? String == "decided")
        #expect(((try await f.send("GET", "/v1/me/objections", as: f.employee)).body["items"] as? [Any])?.count == 1)
        #expect(try await f.send("GET", "/v1/evaluations/\(evaluation)/objection", as: f.employee).body["id"] as? String == id)
        #expect(try await f.send("GET", "/v1/objections/\(id)", as: f.org.outsider).status == 404)
    }

    @Test func tanahLautRefusesALateFilingAcrossTheHolidayCluster() async throws {
        // Finalised Monday 16 March; no receipt recorded, so the window counts from finalisation.
        let f = try ObjectionAPIFixture(ruleSet: "tanah-laut", now: Self.at("2026-04-14T00:30:00Z"))
        let evaluation = try f.finalEvaluation(finalisedAt: Self.at("2026-03-16T01:00:00Z")).uuidString.lowercased()
        let late = try await f.send("POST", "/v1/evaluations/\(evaluation)/objection", as: f.employee,
                                    json: ["reasons": "Saya baru sempat membaca dokumen."])
        #expect(late.status == 422)
        #expect(late.body["type"] as? String == "https://kinerja.go.id/problems/objection-filing-window-passed")
        #expect(late.body["deadline"] as? String == "2026-04-13T15:59:59Z")
        #expect(late.body["deadlineDate"] as? String == "2026-04-13")
        #expect((late.body["window"] as? [String: Any])?["days"] as? Int == 14)
        #expect((late.body["window"] as? [String: Any])?["unit"] as? String == "working")
        #expect((late.body["basis"] as? [String: Any])?["regulation"] as? String == "Perbup Tanah Laut 2024")
        #expect((late.body["basis"] as? [String: Any])?["article"] as? String == "Pasal 35 huruf a")
        let detail = try #require(late.body["detail"] as? String)
        #expect(detail.contains("14 hari kerja") && detail.hasSuffix("(Perbup Tanah Laut 2024 Pasal 35 huruf a)"))
        // The skipped days are in the explanation; nothing was stored or queued.
        let steps = try #require((late.body["explanation"] as? [String: Any])?["steps"] as? [[String: Any]])
        #expect(steps.contains { ($0["text"] as? String)?.hasPrefix("2026-03-20 dilewati") == true })
        #expect(try await f.send("GET", "/v1/evaluations/\(evaluation)/objection", as: f.employee).status == 404)
        #expect(try f.jobs().isEmpty)
    }

    @Test func nationalUpheldWithoutADecisionWindow() async throws {
        let f = try ObjectionAPIFixture(ruleSet: "karawang", now: Self.at("2026-03-16T16:00:00Z"))
        // Finalised Monday 2 March 10:00 WIB: 14 calendar days → Monday 16 March 23:59 WIB; filed at 23:00.
        let evaluation = try f.finalEvaluation(finalisedAt: Self.at("2026-03-02T03:00:00Z")).uuidString.lowercased()
        let filed = try await f.send("POST", "/v1/evaluations/\(evaluation)/objection", as: f.employee, json: ["reasons": "Tidak sesuai"])
        #expect(filed.status == 201 && filed.body["decisionDueAt"] == nil)
        #expect(filed.body["filingDeadline"] as? String == "2026-03-16T16:59:59Z")
        let id = try #require(filed.body["id"] as? String)
        #expect(try await f.send("POST", "/v1/objections/\(id)/hearing", as: f.decider,
                                 json: ["employeeExplanation": "A", "evaluatorExplanation": "B"]).status == 200)
        // "Changed" must change; "upheld" gives no new recommendation.
        let same = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider, json: [
            "outcome": "changed", "ratings": ["hasilKerja": "di-bawah-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"],
            "recommendation": "Sama"])
        #expect(same.status == 422 && same.body["type"] as? String == "https://kinerja.go.id/problems/objection-result-unchanged")
        #expect((same.body["detail"] as? String)?.hasSuffix("(PP 30/2019 Pasal 59)") == true)
        #expect(try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider,
                                 json: ["outcome": "upheld", "recommendation": "x"]).status == 422)
        let upheld = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider,
                                      json: ["outcome": "upheld", "notes": "Penilaian sesuai bukti."])
        #expect(upheld.status == 200)
        #expect((upheld.body["decision"] as? [String: Any])?["outcome"] as? String == "upheld")
        #expect((upheld.body["decision"] as? [String: Any])?["late"] as? Bool == false)
        #expect(try f.evaluationRow(try #require(UUID(uuidString: evaluation))).version == 1)
        #expect(try f.jobs().map(\.kind) == ["objection.filed", "document.objection-decision", "objection.decided"])

        // Without a recorded superior nobody could decide; a colleague's evaluation is not even shown.
        let orphan = try f.finalEvaluation(of: f.org.staff[1], finalisedAt: Self.at("2026-03-10T03:00:00Z"), decider: .some(nil))
        let refused = try await f.send("POST", "/v1/evaluations/\(orphan.uuidString.lowercased())/objection", as: f.org.staff[1],
                                       json: ["reasons": "Tidak sesuai"])
        #expect(refused.status == 409 && refused.body["type"] as? String == "https://kinerja.go.id/problems/objection-no-decider")
        #expect(try await f.send("POST", "/v1/evaluations/\(orphan.uuidString.lowercased())/objection", as: f.employee,
                                 json: ["reasons": "Bukan milik saya"]).status == 404)
    }

    @Test func pasuruanChangesTheWeightedCategoryWithNewScores() async throws {
        let f = try ObjectionAPIFixture(ruleSet: "pasuruan", model: "weighted", now: Self.at("2026-03-05T03:00:00Z"))
        func activity(_ quantity: Int, _ quality: Int, _ months: Int) -> [String: Any] {
            ["name": "Pemutakhiran data", "quantity": ["target": 10, "realisation": quantity],
             "quality": ["target": 100, "realisation": quality], "time": ["target": 12, "realisation": months]]
        }
        func scores(_ activity: [String: Any], perilaku: Int) -> [String: Any] {
            ["jobKind": "pelaksana", "fungsionalNeedsLeadership": false, "activities": [activity],
             "perilaku": ["orientasiPelayanan": perilaku, "komitmen": perilaku, "inisiatifKerja": perilaku, "kerjasama": perilaku]]
        }
        // Late and short (nilai capaian 73.11), behaviour 70: 60% × 73.11 + 40% × 70 = 71.87, Cukup.
        let before = try JSONDecoder().decode(WeightedModelInput.self,
                                              from: JSONSerialization.data(withJSONObject: scores(activity(8, 80, 14), perilaku: 70)))
        let evaluation = try f.finalEvaluation(scores: before, nilai: Decimal(string: "71.87"), predikat: "cukup",
                                               finalisedAt: Self.at("2026-03-02T03:00:00Z"))
        let id = try #require(try await f.send("POST", "/v1/evaluations/\(evaluation.uuidString.lowercased())/objection",
                                               as: f.employee, json: ["reasons": "Realisasi tepat waktu"]).body["id"] as? String)
        #expect(try await f.send("POST", "/v1/objections/\(id)/hearing", as: f.decider,
                                 json: ["employeeExplanation": "A", "evaluatorExplanation": "B"]).status == 200)
        // Ratings do not fit a weighted evaluation.
        let ratings = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider, json: [
            "outcome": "changed", "ratings": ["hasilKerja": "sesuai-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"],
            "recommendation": "R"])
        #expect(ratings.status == 422 && (ratings.body["errors"] as? [[String: Any]])?.first?["pointer"] as? String == "/scores")
        // On time (88.67), behaviour 80: 60% × 88.67 + 40% × 80 = 85.2, Baik.
        let decided = try await f.send("POST", "/v1/objections/\(id)/decision", as: f.decider, json: [
            "outcome": "changed", "scores": scores(activity(10, 90, 12), perilaku: 80), "recommendation": "Pertahankan."])
        #expect(decided.status == 200)
        let result = try #require((decided.body["decision"] as? [String: Any])?["newResult"] as? [String: Any])
        #expect(result["predikat"] as? String == "baik")
        #expect((result["nilai"] as? Double).map { abs($0 - 85.2) < 0.001 } == true)
        let row = try f.evaluationRow(evaluation)
        #expect(row.version == 2 && row.predikat == "baik" && row.explanation.contains("Nilai prestasi kerja"))
    }

    @Test func anotherTenantSeesNothing() async throws {
        let a = try ObjectionAPIFixture(ruleSet: "tanah-laut", now: Self.at("2026-04-01T01:00:00Z"))
        let b = try ObjectionAPIFixture(ruleSet: "tanah-laut", now: Self.at("2026-04-01T01:00:00Z"))
        let evaluation = try a.finalEvaluation(finalisedAt: Self.at("2026-03-30T01:00:00Z")).uuidString.lowercased()
        let id = try #require(try await a.send("POST", "/v1/evaluations/\(evaluation)/objection", as: a.employee,
                                               json: ["reasons": "Tidak sesuai"]).body["id"] as? String)
        a.set(now: Self.at("2026-06-01T01:00:00Z"))
        #expect(((try await a.send("GET", "/v1/reports/objections-overdue", as: a.org.admin)).body["items"] as? [Any])?.count == 1)
        // Tenant B's users, on the same server: nothing of tenant A exists for them.
        for person in [b.org.admin, b.employee, b.decider] {
            #expect(try await b.org.send("GET", "/v1/objections/\(id)", as: person, port: a.port).status == 404)
            #expect(try await b.org.send("POST", "/v1/evaluations/\(evaluation)/receipt", as: person, port: a.port).status == 404)
        }
        let report = try await b.org.send("GET", "/v1/reports/objections-overdue", as: b.org.admin, port: a.port)
        #expect((report.body["items"] as? [Any])?.isEmpty == true)
        // And the database itself says so under B's tenant.
        let seen = try b.org.pool.transaction(tenant: b.org.tenant, readOnly: true) { c in
            try c.query("SELECT count(*)::int FROM objections").first?.decode(Int.self, at: 0)
        }
        #expect(seen == 0)
    }
}
