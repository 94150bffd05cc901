import Foundation
import Testing
import TestSupport
@testable import API

/// The issue's story for a quadrant tenant (PermenPANRB 6/2022), every step through kinerja-api:
/// the first staff member's SKP from draft to approved, a realisation with evidence and the
/// evaluator's feedback; February's periodic evaluation of all fifteen, finalisation refused for
/// the distribution (SE MenPANRB 3/2023) and accepted after re-rating; two objections against it,
/// one filed on the last allowed instant and one a moment later, refused as late; the hearing and
/// a decision that changes the predikat; the TPP export showing the changed predikat at version 2.
struct QuadrantCycle {
    /// The seeded rule set.
    let slug: String
    /// Where the SKP and the execution refusals cite their rule.
    let skpBasis: (regulation: String, article: String?)
    /// Where the objection procedure (the hearing before a decision) cites its rule.
    let hearingBasis: (regulation: String, article: String)
    /// When the group is finalised (the objection window counts from the receipt recorded then).
    let finalisedAt: Date
    /// The last allowed instant and the filing deadline the API must state.
    let lastInstant: Date
    let deadline: String
    /// The filing window: days, unit, and the article that sets it.
    let window: (days: Int, unit: String, regulation: String, article: String)
    /// When the second employee files, after the deadline.
    let lateInstant: Date
    /// Days the late refusal's explanation must show as skipped (holidays, cuti bersama, weekends).
    var skipped: [String] = []

    static let berakhlak = ["berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
    static var sesuai: [String: Any] { ["hasilKerja": "sesuai-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"] }

    func run() async throws {
        let f = try CycleFixture(ruleSet: slug, now: CycleFixture.at("2026-01-05T02:00:00Z"))
        let o = f.org
        let employee = o.staff[0]

        // 1. SKP: draft → submitted → approved by the Pengawas the hierarchy names; the head may not approve.
        let created = try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026])
        #expect(created.status == 201 && created.body["status"] as? String == "draft")
        let skp = try #require(created.body["id"] as? String)
        let put = try await f.send("PUT", "/v1/skp/\(skp)", as: employee,
                                   json: SKPAPIFixture.content(timeUnit: "bulan", perilaku: Self.berakhlak))
        #expect(put.status == 200)
        let rhk = try #require(((put.body["content"] as? [String: Any])?["rhk"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try await f.send("POST", "/v1/skp/\(skp)/submit", as: employee).body["status"] as? String == "submitted")
        expectRefusal(try await f.send("POST", "/v1/skp/\(skp)/approve", as: o.head), 403, "skp-not-permitted",
                      regulation: skpBasis.regulation, article: skpBasis.article)
        let approved = try await f.send("POST", "/v1/skp/\(skp)/approve", as: o.pengawas)
        #expect(approved.status == 200 && approved.body["status"] as? String == "approved")

        // 2. Execution in January: a realisation with a link and an uploaded PDF, then the evaluator's feedback.
        _ = try await f.executeJanuary(skp: skp, rhk: rhk)
        // Execution cites PermenPANRB 6/2022 for every tenant, with Tanah Laut's article as a note (ExecutionBasis).
        let notTheirs = try await f.send("POST", "/v1/skp/\(skp)/realisations", as: o.pengawas, json: ["rhkID": rhk, "iki": 1, "value": 1])
        #expect(notTheirs.status == 403 && notTheirs.body["type"] as? String == "https://kinerja.go.id/problems/execution-not-permitted")
        #expect((notTheirs.body["detail"] as? String)?.hasSuffix(
            "(PermenPANRB 6/2022; Perbup Tanah Laut 2024 Pasal 14 ayat (2)–(4): dokumentasi periodik)") == true, "\(notTheirs.body)")
        #expect(notTheirs.body["code"] as? String == "execution-not-permitted")
        #expect((notTheirs.body["basis"] as? [String: Any])?["regulation"] as? String == "PermenPANRB 6/2022")

        // 3. February's periodic evaluation: opened by the tenant admin, capaian Baik, everyone rated Baik.
        f.set(now: CycleFixture.at("2026-03-02T02:00:00Z"))
        let opened = try await f.send("POST", "/v1/evaluation-periods", as: o.admin, json: ["kind": "periodic", "year": 2026, "month": 2])
        #expect(opened.status == 201)
        let period = try #require((opened.body["period"] as? [String: Any])?["id"] as? String)
        #expect((opened.body["coverage"] as? [String: Any])?["total"] as? Int == 15)
        let group = CycleFixture.id(o.perangkatDaerah)
        #expect(try await f.send("PUT", "/v1/evaluation-periods/\(period)/groups/\(group)/capaian", as: o.pengelola,
                                 json: ["capaian": "baik"]).status == 200)
        let ids = try await f.evaluations(period: period)
        func evaluation(_ person: UUID) throws -> String { try #require(ids[person]) }
        for person in o.staff {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: o.pengawas, json: Self.sesuai).status == 200)
        }
        for person in [o.pengawas, o.outsider, o.admin, o.pengelola] {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: o.head, json: Self.sesuai).status == 200)
        }
        #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(o.head))/rating", as: o.admin,
                                 json: Self.sesuai.merging(["leadsUnit": true]) { $1 }).status == 200)

        // 4. Finalising 15 × Baik under capaian Baik is refused: at most 70% Baik (floor(10.5) = 10, 5 too many)
        //    and at least one Butuh Perbaikan or Kurang (none), each naming SE MenPANRB 3/2023.
        let refused = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: o.pengelola)
        expectRefusal(refused, 422, "evaluation-distribution-violated", regulation: "SE MenPANRB 3/2023", article: nil)
        #expect((refused.body["detail"] as? String)?.contains("Aturan 'Baik paling banyak 70%' dilanggar: 15 orang, paling banyak 10 orang") == true)
        let violations = try #require(refused.body["violations"] as? [[String: Any]])
        #expect(violations.map { $0["rule"] as? String } == ["baik/baik/at-most-70-percent", "baik/butuh-perbaikan+kurang/at-least-1-person"])
        #expect(violations.map { [$0["limit"], $0["actual"], $0["by"]] as? [Int] } == [[10, 15, 5], [1, 0, 1]])
        #expect(violations.allSatisfy { ($0["basis"] as? [String: Any])?["regulation"] as? String == "SE MenPANRB 3/2023" })
        // Fixed by re-rating: four Sangat Baik, staff 4 Butuh Perbaikan, ten Baik.
        for person in o.staff.prefix(4) {
            #expect(try await f.send("PUT", "/v1/evaluations/\(try evaluation(person))/rating", as: o.pengawas,
                                     json: ["hasilKerja": "di-atas-ekspektasi", "perilakuKerja": "di-atas-ekspektasi"]).status == 200)
        }
        let objector = o.staff[4], latecomer = o.staff[5]
        let poor = try await f.send("PUT", "/v1/evaluations/\(try evaluation(objector))/rating", as: o.pengawas,
                                    json: ["hasilKerja": "di-bawah-ekspektasi", "perilakuKerja": "sesuai-ekspektasi",
                                           "recommendation": "Bimbingan teknis pengolahan data."])
        #expect(poor.body["predikat"] as? String == "butuh-perbaikan")
        f.set(now: finalisedAt)
        let finalised = try await f.send("POST", "/v1/evaluation-periods/\(period)/groups/\(group)/finalise", as: o.pengelola)
        #expect(finalised.status == 200 && finalised.body["finalised"] as? Int == 15, "\(finalised.body)")
        expectRefusal(try await f.send("PUT", "/v1/evaluations/\(try evaluation(o.staff[6]))/rating", as: o.pengawas, json: Self.sesuai),
                      409, "evaluation-final", regulation: "PP 30/2019", article: "Pasal 59")

        // 5. Objections: both employees acknowledge the document at once; one files on the last allowed
        //    instant, the other just after it and is refused naming the window's article.
        for person in [objector, latecomer] {
            let receipt = try await f.send("POST", "/v1/evaluations/\(try evaluation(person))/receipt", as: person)
            #expect(receipt.status == 200, "\(receipt.body)")
            // The receipt states the last day at once (in both zones here the deadline's UTC date is the local one).
            #expect(((receipt.body["filing"] as? [String: Any])?["value"] as? [String: Any])?["due"] as? String == String(deadline.prefix(10)))
        }
        f.set(now: lastInstant)
        let filed = try await f.send("POST", "/v1/evaluations/\(try evaluation(objector))/objection", as: objector,
                                     json: ["reasons": "Realisasi Februari lengkap dengan bukti dukung."])
        #expect(filed.status == 201, "\(filed.body)")
        #expect(filed.body["filingDeadline"] as? String == deadline)
        #expect(filed.body["deciderId"] as? String == CycleFixture.id(o.head))
        let objection = try #require(filed.body["id"] as? String)
        f.set(now: lateInstant)
        let late = try await f.send("POST", "/v1/evaluations/\(try evaluation(latecomer))/objection", as: latecomer,
                                    json: ["reasons": "Saya baru sempat membaca dokumen."])
        expectRefusal(late, 422, "objection-filing-window-passed", regulation: window.regulation, article: window.article)
        #expect(late.body["deadline"] as? String == deadline)
        #expect((late.body["window"] as? [String: Any])?["days"] as? Int == window.days)
        #expect((late.body["window"] as? [String: Any])?["unit"] as? String == window.unit)
        let steps = ((late.body["explanation"] as? [String: Any])?["steps"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String }
        for day in skipped {
            #expect(steps.contains { $0.hasPrefix(day + " dilewati") }, "\(day) not skipped in \(steps)")
        }

        // 6. The head hears both sides and changes the predikat: Butuh Perbaikan → Baik, version 2.
        expectRefusal(try await f.send("POST", "/v1/objections/\(objection)/decision", as: o.head, json: ["outcome": "upheld"]),
                      409, "objection-hearing-incomplete", regulation: hearingBasis.regulation, article: hearingBasis.article)
        #expect(try await f.send("POST", "/v1/objections/\(objection)/hearing", as: o.head,
                                 json: ["employeeExplanation": "Bukti diunggah tepat waktu.",
                                        "evaluatorExplanation": "Bukti belum terbaca saat penilaian."]).status == 200)
        let decided = try await f.send("POST", "/v1/objections/\(objection)/decision", as: o.head, json: [
            "outcome": "changed", "ratings": Self.sesuai, "recommendation": "Pertahankan capaian.", "notes": "Bukti sah."])
        #expect(decided.status == 200, "\(decided.body)")
        let decision = try #require(decided.body["decision"] as? [String: Any])
        #expect((decision["previousResult"] as? [String: Any])?["predikat"] as? String == "butuh-perbaikan")
        #expect((decision["newResult"] as? [String: Any])?["predikat"] as? String == "baik")
        let mine = try await f.send("GET", "/v1/evaluations/\(try evaluation(objector))", as: objector)
        #expect(mine.body["predikat"] as? String == "baik")

        // 7. The TPP basis: every one of the fifteen final, the objector at Baik from document version 2.
        let rows = try await f.tppRows(period: period)
        #expect(rows.count == 15)
        #expect(rows[objector]?.hasSuffix("\"baik\",\"\",\"final\",\"\",\"2\"") == true, "\(rows[objector] ?? "")")
        #expect(rows[latecomer]?.hasSuffix("\"baik\",\"\",\"final\",\"\",\"1\"") == true, "\(rows[latecomer] ?? "")")
        let notAdmin = try await f.send("GET", "/v1/evaluation-periods/\(period)/tpp.csv", as: o.pengelola)
        #expect(notAdmin.status == 403 && notAdmin.body["type"] as? String == "https://kinerja.go.id/problems/follow-up-not-permitted")
    }
}
