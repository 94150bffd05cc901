import Foundation
import Kinerja
import Testing
import TestSupport
@testable import API

/// The SKP cycle end to end over HTTP (real authentication, organisation and rule-set stores): draft → submitted → returned with notes → resubmitted →
/// approved by the evaluator the hierarchy resolves; refusals as problem+json naming the article.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "run scripts/test")) struct SKPRoutesTests {
    static let january5 = Date(timeIntervalSince1970: 1_767_600_000)  // 2026-01-05
    static let berakhlak = ["berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]

    @Test func tanahLautDraftToApproved() async throws {
        let f = try SKPAPIFixture(ruleSet: "tanah-laut", now: Self.january5)
        let employee = f.staff[0]
        #expect(try await f.send("POST", "/v1/skp", as: nil, json: ["year": 2026]).status == 401)

        let created = try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026])
        #expect(created.status == 201)
        let id = try #require(created.body["id"] as? String)
        // Pelaksana → Pengawas: the evaluator comes from the hierarchy; the superior is the head.
        #expect(created.body["evaluatorID"] as? String == f.pengawas.uuidString.lowercased())
        #expect(created.body["evaluatorSuperiorID"] as? String == f.head.uuidString.lowercased())
        #expect((created.body["ruleSetVersion"] as? String)?.hasSuffix("@1") == true)  // the published version in force
        #expect(created.body["status"] as? String == "draft")
        #expect(try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026]).status == 409)

        let put = try await f.send("PUT", "/v1/skp/\(id)", as: employee,
                                   json: SKPAPIFixture.content(timeUnit: "hari", perilaku: Self.berakhlak))
        #expect(put.status == 200)
        #expect(try await f.send("POST", "/v1/skp/\(id)/submit", as: employee).body["status"] as? String == "submitted")

        // The head is not the evaluator: 403, naming the article.
        let refused = try await f.send("POST", "/v1/skp/\(id)/approve", as: f.head)
        #expect(refused.status == 403)
        #expect(refused.body["type"] as? String == "https://kinerja.go.id/problems/skp-not-permitted")
        #expect((refused.body["detail"] as? String)?.hasSuffix("(Perbup Tanah Laut 2024 Pasal 13 ayat (1))") == true)
        // Someone with no part in the plan does not even see it.
        #expect(try await f.send("POST", "/v1/skp/\(id)/approve", as: f.outsider).status == 404)
        #expect(try await f.send("GET", "/v1/skp/\(id)", as: f.outsider).status == 404)
        // Returning needs notes.
        let noNotes = try await f.send("POST", "/v1/skp/\(id)/return", as: f.pengawas, json: ["notes": " "])
        #expect(noNotes.status == 422)
        #expect(((noNotes.body["errors"] as? [[String: Any]])?.first?["pointer"] as? String) == "/notes")

        let returned = try await f.send("POST", "/v1/skp/\(id)/return", as: f.pengawas,
                                        json: ["notes": "Target dataset perlu dinaikkan"])
        #expect(returned.body["status"] as? String == "returned")
        #expect(try await f.send("POST", "/v1/skp/\(id)/submit", as: employee).body["status"] as? String == "submitted")

        let queue = try await f.send("GET", "/v1/evaluator/skp?status=submitted", as: f.pengawas)
        #expect((queue.body["items"] as? [[String: Any]])?.map { $0["id"] as? String } == [id])

        let approved = try await f.send("POST", "/v1/skp/\(id)/approve", as: f.pengawas)
        #expect(approved.status == 200 && approved.body["status"] as? String == "approved")
        let history = try #require(approved.body["history"] as? [[String: Any]])
        #expect(history.map { $0["action"] as? String } == ["create", "submit", "return", "submit", "approve"])
        #expect(history[2]["notes"] as? String == "Target dataset perlu dinaikkan")
        #expect(try f.jobKinds() == ["skp.submitted", "skp.returned", "skp.submitted", "skp.approved"])

        // Approved is immutable; a revision during the year starts a new draft.
        #expect(try await f.send("PUT", "/v1/skp/\(id)", as: employee,
                                 json: SKPAPIFixture.content(timeUnit: "bulan", perilaku: Self.berakhlak)).status == 409)
        let revision = try await f.send("POST", "/v1/skp/\(id)/revisions", as: employee)
        #expect(revision.status == 201 && revision.body["revision"] as? Int == 2 && revision.body["status"] as? String == "draft")

        let mine = try await f.send("GET", "/v1/me/skp?year=2026", as: employee)
        #expect((mine.body["items"] as? [[String: Any]])?.count == 1)
    }

    @Test func pasuruanRefusesDaysWithThePointerAndTheArticle() async throws {
        let f = try SKPAPIFixture(ruleSet: "pasuruan", now: Self.january5)
        let employee = f.staff[0]
        let id = try #require(try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026]).body["id"] as? String)
        let aspects = ["orientasi-pelayanan", "komitmen", "inisiatif-kerja", "kerjasama", "kepemimpinan"]
        let refused = try await f.send("PUT", "/v1/skp/\(id)", as: employee, json: SKPAPIFixture.content(timeUnit: "hari", perilaku: aspects))
        #expect(refused.status == 422)
        let errors = try #require(refused.body["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["pointer"] as? String == "/rhk/0/iki/1/unit")
        #expect(errors.first?["code"] as? String == "time-unit-not-allowed")
        #expect((errors.first?["message"] as? String)?.contains("Perbup Pasuruan 117/2019 Pasal 10 huruf c") == true)

        // With months it passes; the evaluator may not approve before the Pengelola Kinerja's review.
        #expect(try await f.send("PUT", "/v1/skp/\(id)", as: employee,
                                 json: SKPAPIFixture.content(timeUnit: "bulan", perilaku: aspects)).status == 200)
        #expect(try await f.send("POST", "/v1/skp/\(id)/submit", as: employee).status == 200)
        let early = try await f.send("POST", "/v1/skp/\(id)/approve", as: f.pengawas)
        #expect(early.status == 409 && (early.body["detail"] as? String)?.contains("Pasal 6 ayat (3)") == true)
        #expect(try await f.send("POST", "/v1/skp/\(id)/review", as: f.pengelola).body["status"] as? String == "reviewed")
        // The evaluator disagrees; the superior decides, and that decision is final.
        #expect(try await f.send("POST", "/v1/skp/\(id)/escalate", as: f.pengawas).body["status"] as? String == "escalated")
        let superiorQueue = try await f.send("GET", "/v1/evaluator/skp?status=escalated", as: f.head)
        #expect((superiorQueue.body["items"] as? [[String: Any]])?.count == 1)
        let decided = try await f.send("POST", "/v1/skp/\(id)/decide", as: f.head,
                                       json: ["approve": false, "notes": "Sesuaikan dengan perjanjian kinerja"])
        #expect(decided.body["status"] as? String == "returned" && decided.body["decided"] as? Bool == true)
        let again = try await f.send("POST", "/v1/skp/\(id)/escalate", as: employee)
        #expect(again.status == 409 && again.body["type"] as? String == "https://kinerja.go.id/problems/skp-already-decided")
    }

    @Test func queueIsCursorPaginatedAndReportsAreForAdmins() async throws {
        let f = try SKPAPIFixture(ruleSet: "tanah-laut", staff: 5, now: Self.january5)
        for employee in f.staff {
            let id = try #require(try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026]).body["id"] as? String)
            _ = try await f.send("PUT", "/v1/skp/\(id)", as: employee, json: SKPAPIFixture.content(timeUnit: "bulan", perilaku: Self.berakhlak))
            #expect(try await f.send("POST", "/v1/skp/\(id)/submit", as: employee).status == 200)
        }
        var seen: [String] = []
        var cursor: String?
        repeat {
            let query = "/v1/evaluator/skp?status=submitted&limit=2" + (cursor.map { "&cursor=" + $0 } ?? "")
            let page = try await f.send("GET", query, as: f.pengawas)
            #expect(page.status == 200)
            seen += (page.body["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            cursor = page.body["nextCursor"] as? String
        } while cursor != nil && seen.count < 10
        #expect(seen.count == 5 && Set(seen).count == 5)
        #expect(try await f.send("GET", "/v1/evaluator/skp?cursor=xyz", as: f.pengawas).status == 400)

        #expect(try await f.send("GET", "/v1/reports/skp-missing?year=2026", as: f.staff[0]).status == 403)
        let report = try await f.send("GET", "/v1/reports/skp-missing?year=2026", as: f.admin)
        #expect(report.status == 200)
        #expect(report.body["deadline"] as? String == "2026-01-31")
        // Before the deadline only employees without any SKP are listed.
        let entries = try #require(report.body["entries"] as? [[String: Any]])
        #expect(entries.allSatisfy { $0["finding"] as? String == "missing" })
        #expect(entries.count == 5)  // head, pengawas, outsider, admin, pengelola
        let pd = f.perangkatDaerah.uuidString.lowercased()
        #expect(try await f.send("GET", "/v1/reports/skp-missing?year=2026&perangkatDaerah=\(pd)", as: f.pengelola).status == 200)
        let linkage = try await f.send("GET", "/v1/reports/skp-rhk-linkage?year=2026", as: f.admin)
        #expect(linkage.status == 200 && (linkage.body["unlinked"] as? [Any])?.isEmpty == true)
    }
}
