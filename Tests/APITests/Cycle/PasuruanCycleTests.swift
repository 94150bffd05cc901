import Foundation
import Testing
import TestSupport
@testable import API

/// Pasuruan's cycle end to end through kinerja-api under the weighted model (Perbup Pasuruan
/// 117/2019, PerKa BKN 1/2013): the SKP with the Pengelola Kinerja's review before approval, a
/// realisation with evidence and feedback, February's periodic evaluation scored for all fifteen
/// and finalised (the weighted model has no distribution pattern, so finalising is refused only
/// while someone is unrated), an objection in time and one refused as late (14 calendar days,
/// PP 30/2019 Pasal 59), a decision that changes the category, and the TPP export. Every score is
/// worked by hand below and asserted exactly.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "run scripts/test")) struct PasuruanCycleTests {
    static let aspects = ["orientasi-pelayanan", "komitmen", "inisiatif-kerja", "kerjasama", "kepemimpinan"]

    static func activity(_ name: String, quantity: (Int, Int), quality: (Int, Int), months: (Int, Int)) -> [String: Any] {
        ["name": name, "quantity": ["target": quantity.0, "realisation": quantity.1],
         "quality": ["target": quality.0, "realisation": quality.1], "time": ["target": months.0, "realisation": months.1]]
    }

    static func scores(_ jobKind: String, _ activities: [[String: Any]], _ perilaku: [Int]) -> [String: Any] {
        var elements: [String: Any] = ["orientasiPelayanan": perilaku[0], "komitmen": perilaku[1], "inisiatifKerja": perilaku[2],
                                       "kerjasama": perilaku[3]]
        if perilaku.count == 5 { elements["kepemimpinan"] = perilaku[4] }
        return ["scores": ["jobKind": jobKind, "activities": activities, "perilaku": elements]]
    }

    /// Everyone else: 10/10, quality 100/100, 12 of 12 months → (100 + 100 + 76) / 3 = 92; behaviour 80
    /// (with kepemimpinan 80 for the head and the Pengawas) → 60% × 92 + 40% × 80 = 55.2 + 32 = 87.2, Baik.
    static func standard(_ jobKind: String) -> [String: Any] {
        scores(jobKind, [activity("Laporan bulanan", quantity: (10, 10), quality: (100, 100), months: (12, 12))],
               jobKind == "pelaksana" ? [80, 80, 80, 80] : [80, 80, 80, 80, 80])
    }

    /// The value of the explanation figure `name` (the last step that has it).
    static func figure(_ body: [String: Any], _ name: String) -> String? {
        let steps = (body["explanation"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []
        return steps.flatMap { $0["figures"] as? [[String: Any]] ?? [] }.last { $0["name"] as? String == name }?["value"] as? String
    }

    @Test func weightedCycle() async throws {
        let f = try CycleFixture(ruleSet: "pasuruan", now: CycleFixture.at("2026-01-05T02:00:00Z"))
        let o = f.org
        let employee = o.staff[0]

        // 1. SKP: days are refused (Pasal 10 huruf c); the Pengelola Kinerja reviews before the evaluator approves (Pasal 6 ayat (3)).
        let skp = try #require(try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026]).body["id"] as? String)
        let days = try await f.send("PUT", "/v1/skp/\(skp)", as: employee, json: SKPAPIFixture.content(timeUnit: "hari", perilaku: Self.aspects))
        #expect(days.status == 422 && days.body["type"] as? String == "https://kinerja.go.id/problems/validation-failed")
        let error = try #require((days.body["errors"] as? [[String: Any]])?.first)
        #expect(error["pointer"] as? String == "/rhk/0/iki/1/unit" && error["code"] as? String == "time-unit-not-allowed")
        #expect((error["message"] as? String)?.contains("Perbup Pasuruan 117/2019 Pasal 10 huruf c") == true)
        let put = try await f.send("PUT", "/v1/skp/\(skp)", as: employee, json: SKPAPIFixture.content(timeUnit: "bulan", perilaku: Self.aspects))
        #expect(put.status == 200)
        let rhk = try #require(((put.body["content"] as? [String: Any])?["rhk"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try await f.send("POST", "/v1/skp/\(skp)/submit", as: employee).body["status"] as? String == "submitted")
        expectRefusal(try await f.send("POST", "/v1/skp/\(skp)/approve", as: o.pengawas), 409, "skp-invalid-state",
                      regulation: "Perbup Pasuruan 117/2019", article: "Pasal 6 ayat (3)")
        #expect(try await f.send("POST", "/v1/skp/\(skp)/review", as: o.pengelola).body["status"] as? String == "reviewed")
        let approved = try await f.send("POST", "/v1/skp/\(skp)/approve", as: o.pengawas)
        #expect(approved.status == 200 && approved.body["status"] as? String == "approved")

        // 2. January's realisation with evidence, and the evaluator's feedback.
        _ = try await f.executeJanuary(skp: skp, rhk: rhk)

        // 3. February's period under the weighted model; capaian organisasi does not apply to it.
        f.set(now: CycleFixture.at("2026-03-02T02:00:00Z"))
        let opened = try await f.send("POST", "/v1/evaluation-periods", as: o.admin, json: ["kind": "periodic", "year": 2026, "month": 2])
        #expect(opened.status == 201 && (opened.body["period"] as? [String: Any])?["model"] as? String == "weighted")
        let period = try #require((opened.body["period"] as? [String: Any])?["id"] as? String)
        let group = CycleFixture.id(o.perangkatDaerah)
        let capaian = try await f.send("PUT", "/v1/evaluation-periods/\(period)/groups/\(group)/capaian", as: o.admin, json: ["capaian": "baik"])
        expectRefusal(capaian, 409, "evaluation-capaian-not-applicable", regulation: "Perbup Pasuruan 117/2019", article: "Pasal 13 ayat (1)")
        let ids = try await f.evaluations(period: period)
        func evaluation(_ person: UUID) throws -> String { try #require(ids[person]) }
        #expect(ids.count == 15)

        // The employee submits results on Monday 2 March 09:00 WIB; the evaluator has 2 calendar days
        // (Pasal 15 ayat (2)): to Wednesday 4 March 23:59:59 WIB.
        let submitted = try await f.send("POST", "/v1/evaluations/\(try evaluation(employee))/results", as: employee)
        #expect(submitted.body["assessmentDueAt"] as? String == "2026-03-04T16:59:59Z")

        // Staff 0, scored by the Pengawas, by hand (PerKa BKN 1/2013; rounding 2 decimals half-up at every step):
        //   Pemutakhiran dataset: kuantitas 12/12 × 100 = 100; kualitas 90/100 × 100 = 90;
        //     waktu 12 of 12 months: efisiensi 0% ≤ 24% → (1.76 × 12 − 12) / 12 × 100 = 76;
        //     nilai capaian (100 + 90 + 76) / 3 = 88.666… → 88.67.
        //   Laporan bulanan: kuantitas 8/10 × 100 = 80; kualitas 85/100 × 100 = 85;
        //     waktu 10 of 12 months: efisiensi 100 − 10/12 × 100 = 16.67% ≤ 24% → (21.12 − 10) / 12 × 100 = 92.666… → 92.67;
        //     nilai capaian (80 + 85 + 92.67) / 3 = 85.89.
        //   Nilai SKP (88.67 + 85.89) / 2 = 87.28.
        //   Nilai perilaku, a Pelaksana without kepemimpinan: (85 + 80 + 75 + 82) / 4 = 80.5.
        //   Nilai prestasi kerja 60% × 87.28 + 40% × 80.5 = 52.368 + 32.2 = 84.568 → 84.57: Baik (76 ≤ 84.57 < 91).
        let before = Self.scores("pelaksana", [
            Self.activity("Pemutakhiran dataset", quantity: (12, 12), quality: (100, 90), months: (12, 12)),
            Self.activity("Laporan bulanan", quantity: (10, 8), quality: (100, 85), months: (12, 10)),
        ], [85, 80, 75, 82])
        let rated = try await f.send("PUT", "/v1/evaluations/\(try evaluation(employee))/rating", as: o.pengawas, json: before)
        #expect(rated.status == 200, "\(rated.body)")
        #expect(Self.figure(rated.body, "nilaiCapaian").map { _ in true } == true)
        #expect(Self.figure(rated.body, "nilaiSKP") == "87.28")
        #expect(Self.figure(rated.body, "nilaiPerilaku") == "80.5")
        #expect(Self.figure(rated.body, "nilaiPrestasiKerja") == "84.57")
        #expect((rated.body["nilai"] as? NSNumber)?.decimalValue == Decimal(string: "84.57"))
        #expect(rated.body["predikat"] as? String == "baik")

        // A Pelaksana is not rated on kepemimpinan (Pasal 12 ayat (3)).
        let leadership = try await f.send("PUT", "/v1/evaluations/\(try evaluation(o.staff[1]))/rating", as: o.pengawas,
                                          json: Self.standard("pengawas").merging(["scores": (Self.standard("pengawas")["scores"] as? [String: Any] ?? [:])
                                                .merging(["jobKind": "pelaksana"]) { $1 }]) { $1 })
        expectRefusal(leadership, 422, "evaluation-invalid-scores", regulation: "Perbup Pasuruan 117/2019",
                      article: "Pasal 12 ayat (2) dan ayat (3)")

        // Finalising with fourteen unrated is refused.
        let early = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: o.pengelola)
        #expect(early.status == 409 && early.body["code"] as? String == "evaluation-unrated" && early.body["unrated"] as? Int == 14)

        for person in o.staff.dropFirst() {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: o.pengawas,
                                     json: Self.standard("pelaksana")).body["nilai"] as? Double == 87.2)
        }
        #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(o.pengawas))/rating", as: o.head,
                                 json: Self.standard("pengawas")).body["nilai"] as? Double == 87.2)
        for person in [o.outsider, o.admin, o.pengelola] {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: o.head,
                                     json: Self.standard("pelaksana")).body["nilai"] as? Double == 87.2)
        }
        let head = try await f.send("PUT", "/v1/evaluations/\(try evaluation(o.head))/rating", as: o.admin, json: Self.standard("administrator"))
        #expect(head.status == 200 && head.body["nilai"] as? Double == 87.2, "\(head.body)")

        f.set(now: CycleFixture.at("2026-03-16T03:00:00Z"))
        let finalised = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: o.pengelola)
        #expect(finalised.status == 200 && finalised.body["finalised"] as? Int == 15, "\(finalised.body)")

        // 4. Objections: receipts on Monday 16 March 10:00 WIB; 14 calendar days → Monday 30 March 23:59:59 WIB.
        let latecomer = o.staff[1]
        for person in [employee, latecomer] {
            #expect(try await f.send("POST", "/v1/evaluations/\(try evaluation(person))/receipt", as: person).status == 200)
        }
        f.set(now: CycleFixture.at("2026-03-30T16:59:00Z"))
        let filed = try await f.send("POST", "/v1/evaluations/\(try evaluation(employee))/objection", as: employee,
                                     json: ["reasons": "Kualitas pemutakhiran dataset telah diverifikasi 100%."])
        #expect(filed.status == 201 && filed.body["filingDeadline"] as? String == "2026-03-30T16:59:59Z", "\(filed.body)")
        let objection = try #require(filed.body["id"] as? String)
        f.set(now: CycleFixture.at("2026-03-31T01:00:00Z"))
        let late = try await f.send("POST", "/v1/evaluations/\(try evaluation(latecomer))/objection", as: latecomer,
                                    json: ["reasons": "Terlambat membaca."])
        expectRefusal(late, 422, "objection-filing-window-passed", regulation: "PP 30/2019", article: "Pasal 59")
        #expect((late.body["window"] as? [String: Any])?["unit"] as? String == "calendar")

        // 5. The head hears both sides and re-scores, by hand:
        //   Pemutakhiran dataset: 100; kualitas 100/100 = 100; waktu 10 of 12 months → 92.67;
        //     nilai capaian (100 + 100 + 92.67) / 3 = 97.556… → 97.56.
        //   Laporan bulanan: 10/10 = 100; 95/100 = 95; 12 of 12 → 76; (100 + 95 + 76) / 3 = 90.333… → 90.33.
        //   Nilai SKP (97.56 + 90.33) / 2 = 93.945 → 93.95 (half-up).
        //   Nilai perilaku (95 + 90 + 92 + 93) / 4 = 92.5.
        //   Nilai prestasi kerja 60% × 93.95 + 40% × 92.5 = 56.37 + 37 = 93.37: Sangat Baik (≥ 91).
        #expect(try await f.send("POST", "/v1/objections/\(objection)/hearing", as: o.head,
                                 json: ["employeeExplanation": "Verifikasi kualitas terlampir.",
                                        "evaluatorExplanation": "Verifikasi belum diterima saat penilaian."]).status == 200)
        let after = Self.scores("pelaksana", [
            Self.activity("Pemutakhiran dataset", quantity: (12, 12), quality: (100, 100), months: (12, 10)),
            Self.activity("Laporan bulanan", quantity: (10, 10), quality: (100, 95), months: (12, 12)),
        ], [95, 90, 92, 93])
        let decided = try await f.send("POST", "/v1/objections/\(objection)/decision", as: o.head,
                                       json: after.merging(["outcome": "changed", "recommendation": "Pertahankan."]) { $1 })
        #expect(decided.status == 200, "\(decided.body)")
        let decision = try #require(decided.body["decision"] as? [String: Any])
        #expect((decision["previousResult"] as? [String: Any])?["predikat"] as? String == "baik")
        let result = try #require(decision["newResult"] as? [String: Any])
        #expect(result["predikat"] as? String == "sangat-baik" && result["nilai"] as? Double == 93.37, "\(result)")
        let stored = try await f.send("GET", "/v1/evaluations/\(try evaluation(employee))", as: employee)
        #expect(Self.figure(stored.body, "nilaiSKP") == "93.95" && Self.figure(stored.body, "nilaiPerilaku") == "92.5")
        #expect((stored.body["nilai"] as? NSNumber)?.decimalValue == Decimal(string: "93.37"))

        // 6. The TPP basis: the objector at 93.37 Sangat Baik from version 2, the others at 87.2 Baik.
        let rows = try await f.tppRows(period: period)
        #expect(rows.count == 15)
        #expect(rows[employee]?.hasSuffix("\"sangat-baik\",\"93.37\",\"final\",\"\",\"2\"") == true, "\(rows[employee] ?? "")")
        #expect(rows[latecomer]?.hasSuffix("\"baik\",\"87.2\",\"final\",\"\",\"1\"") == true, "\(rows[latecomer] ?? "")")
    }
}
