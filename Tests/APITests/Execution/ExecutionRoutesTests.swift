import Foundation
import Runtime
import Testing
import TestSupport
@testable import API

/// Execution end to end over HTTP (real authentication, organisation, rule sets and job queue): an
/// approved SKP gets its plan, realisations with evidence, feedback, coaching and a takeover;
/// refusals come back as problem+json with stable types and field pointers.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "run scripts/test")) struct ExecutionRoutesTests {
    static let january5 = Date(timeIntervalSince1970: 1_767_600_000)  // 2026-01-05
    static let berakhlak = ["berorientasi-pelayanan", "akuntabel", "kompeten", "harmonis", "loyal", "adaptif", "kolaboratif"]
    static var plan: [String: Any] { [
        "timeline": ["months": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], "duration": 1, "durationUnit": "minggu", "activityType": "rutin",
                     "assignmentPattern": "mandiri"],
        "rencanaAksi": [["text": "Memutakhirkan dataset", "months": [1, 2, 3]], ["text": "Menyusun laporan tahunan", "months": [12]]],
    ] }

    /// An SKP of the first staff member, approved by the Pengawas; returns its id and its RHK's id.
    static func approvedSKP(_ f: SKPAPIFixture) async throws -> (skp: String, rhk: String) {
        let employee = f.staff[0]
        let id = try #require(try await f.send("POST", "/v1/skp", as: employee, json: ["year": 2026]).body["id"] as? String)
        let put = try await f.send("PUT", "/v1/skp/\(id)", as: employee, json: SKPAPIFixture.content(timeUnit: "bulan", perilaku: berakhlak))
        let rhk = try #require(((put.body["content"] as? [String: Any])?["rhk"] as? [[String: Any]])?.first?["id"] as? String)
        // Before the SKP is established there is nothing to execute.
        let early = try await f.send("GET", "/v1/skp/\(id)/execution", as: employee)
        #expect(early.status == 409 && early.body["type"] as? String == "https://kinerja.go.id/problems/skp-not-approved")
        #expect(try await f.send("POST", "/v1/skp/\(id)/submit", as: employee).status == 200)
        #expect(try await f.send("POST", "/v1/skp/\(id)/approve", as: f.pengawas).body["status"] as? String == "approved")
        return (id, rhk)
    }

    static func pointers(_ body: [String: Any]) -> [String] {
        (body["errors"] as? [[String: Any]])?.compactMap { $0["pointer"] as? String } ?? []
    }

    @Test func planRealiseWithEvidenceAndRefusals() async throws {
        let f = try SKPAPIFixture(ruleSet: "tanah-laut", now: Self.january5)
        let employee = f.staff[0]
        let (skp, rhk) = try await Self.approvedSKP(f)

        // Plan: the employee writes it; the evaluator reads it but may not write it; others do not see it.
        #expect(try await f.send("PUT", "/v1/skp/\(skp)/rhk/\(rhk)/plan", as: employee, json: Self.plan).status == 200)
        let notTheirs = try await f.send("PUT", "/v1/skp/\(skp)/rhk/\(rhk)/plan", as: f.pengawas, json: Self.plan)
        #expect(notTheirs.status == 403 && notTheirs.body["type"] as? String == "https://kinerja.go.id/problems/execution-not-permitted")
        #expect((notTheirs.body["detail"] as? String)?.contains("Perbup Tanah Laut 2024 Pasal 15") == true)
        var badPlan = Self.plan
        badPlan["timeline"] = ["months": [0], "duration": 1, "durationUnit": "minggu", "activityType": "rutin", "assignmentPattern": "tim"]
        let bad = try await f.send("PUT", "/v1/skp/\(skp)/rhk/\(rhk)/plan", as: employee, json: badPlan)
        #expect(bad.status == 422 && Self.pointers(bad.body).first == "/timeline/months/0")
        badPlan["timeline"] = ["months": [1], "duration": 1, "durationUnit": "minggu", "activityType": "proyek", "assignmentPattern": "tim"]
        #expect(Self.pointers(try await f.send("PUT", "/v1/skp/\(skp)/rhk/\(rhk)/plan", as: employee, json: badPlan).body)
            == ["/timeline/activityType"])
        #expect(try await f.send("PUT", "/v1/skp/\(skp)/rhk/\(UUID())/plan", as: employee, json: Self.plan).status == 404)
        let overview = try await f.send("GET", "/v1/skp/\(skp)/execution", as: f.pengawas)
        let item = try #require((overview.body["items"] as? [[String: Any]])?.first)
        #expect(((item["plan"] as? [String: Any])?["rencanaAksi"] as? [Any])?.count == 2)
        #expect(try await f.send("GET", "/v1/skp/\(skp)/execution", as: f.outsider).status == 404)
        #expect(try await f.send("GET", "/v1/skp/\(skp)/execution", as: nil).status == 401)
        #expect(try await f.send("GET", "/v1/skp/not-a-uuid/execution", as: employee).status == 404)

        // Realisation of IKI 0 for January (the tenant's cadence is monthly).
        let realisation: [String: Any] = ["rhkID": rhk, "iki": 0, "value": 2, "links": ["https://data.example.go.id/januari"]]
        let created = try await f.send("POST", "/v1/skp/\(skp)/realisations", as: employee, json: realisation)
        #expect(created.status == 201)
        let rid = try #require(created.body["id"] as? String)
        let period = try #require(created.body["period"] as? [String: Any])
        #expect(period["cadence"] as? String == "monthly" && period["start"] as? String == "2026-01-01" && period["end"] as? String == "2026-01-31")
        let twice = try await f.send("POST", "/v1/skp/\(skp)/realisations", as: employee, json: realisation)
        #expect(twice.status == 409 && twice.body["type"] as? String == "https://kinerja.go.id/problems/realisation-exists")
        let raw = try await f.sendBytes("POST", "/v1/skp/\(skp)/realisations", as: employee,
                                        body: Array(try JSONSerialization.data(withJSONObject: realisation)), contentType: "application/json")
        #expect(raw.headers["Location"] == "/v1/realisations/\(rid)")  // the one to correct instead
        let badLink = try await f.send("POST", "/v1/skp/\(skp)/realisations", as: employee,
                                       json: ["rhkID": rhk, "iki": 1, "value": 1, "links": ["http://tidak-aman.example"]])
        #expect(badLink.status == 422 && Self.pointers(badLink.body) == ["/links/0"])
        let future = try await f.send("POST", "/v1/skp/\(skp)/realisations", as: employee,
                                      json: ["rhkID": rhk, "iki": 1, "value": 1, "period": "2026-03-01"])
        #expect(future.status == 422 && Self.pointers(future.body) == ["/period"])
        #expect(try await f.send("POST", "/v1/skp/\(skp)/realisations", as: f.pengawas, json: realisation).status == 403)

        // Evidence: upload, download by the evaluator's superior with its hash, bounded type and size.
        let pdf = Array("%PDF-1.4\nbukti dukung januari\n%%EOF".utf8)
        let upload = try await f.sendBytes("POST", "/v1/realisations/\(rid)/files?name=bukti%20januari.pdf", as: employee, body: pdf,
                                           contentType: "application/pdf")
        #expect(upload.status == 201)
        let file = try #require(try JSONSerialization.jsonObject(with: upload.data) as? [String: Any])
        #expect(file["sha256"] as? String == SHA256.hex(pdf) && file["name"] as? String == "bukti januari.pdf")
        let href = try #require(file["href"] as? String)
        let download = try await f.sendBytes("GET", href, as: f.head)
        #expect(download.status == 200 && Array(download.data) == pdf)
        #expect(download.headers["Content-Type"] == "application/pdf" && download.headers["X-Content-Type-Options"] == "nosniff")
        #expect(try await f.sendBytes("GET", href, as: f.outsider).status == 404)
        let html = try await f.sendBytes("POST", "/v1/realisations/\(rid)/files?name=a.html", as: employee, body: Array("<p>".utf8),
                                         contentType: "text/html")
        #expect(html.status == 422)
        let huge = try await f.sendBytes("POST", "/v1/realisations/\(rid)/files?name=besar.pdf", as: employee,
                                         body: [UInt8](repeating: 0x25, count: 2 * 1024 * 1024 + 1), contentType: "application/pdf")
        #expect(huge.status == 413)

        // Correction, then the listing of the period as the evaluator reads it.
        let corrected = try await f.send("PUT", "/v1/realisations/\(rid)", as: employee, json: ["value": 3, "text": "Dua dataset dan satu revisi"])
        #expect(corrected.status == 200 && corrected.body["value"] as? Int == 3)
        #expect(try await f.send("PUT", "/v1/realisations/\(rid)", as: f.pengawas, json: ["value": 9]).status == 403)
        let listed = try await f.send("GET", "/v1/skp/\(skp)/realisations?period=2026-01-20", as: f.pengawas)
        let items = try #require(listed.body["items"] as? [[String: Any]])
        #expect(items.count == 1 && (items[0]["files"] as? [Any])?.count == 1)
        #expect(try await f.send("DELETE", href, as: f.pengawas).status == 403)
        #expect(try await f.send("DELETE", href, as: employee).status == 204)
    }

    @Test func feedbackCoachingAndTakeover() async throws {
        let f = try SKPAPIFixture(ruleSet: "tanah-laut", now: Self.january5)
        let employee = f.staff[0], peer = f.staff[1]
        let (skp, rhk) = try await Self.approvedSKP(f)

        let leader = try await f.send("POST", "/v1/skp/\(skp)/feedback", as: f.pengawas,
                                      json: ["kind": "berkala", "rhkID": rhk, "text": "Target Januari tercapai"])
        #expect(leader.status == 201 && leader.body["relation"] as? String == "pimpinan")
        let undeclared = try await f.send("POST", "/v1/skp/\(skp)/feedback", as: peer, json: ["kind": "insidental", "text": "Bagus"])
        #expect(undeclared.status == 422 && Self.pointers(undeclared.body) == ["/relation"])
        let fromPeer = try await f.send("POST", "/v1/skp/\(skp)/feedback", as: peer,
                                        json: ["kind": "insidental", "relation": "rekan-kerja", "text": "Sangat membantu tim"])
        #expect(fromPeer.status == 201 && fromPeer.body["relation"] as? String == "rekan-kerja")
        #expect(try await f.send("POST", "/v1/skp/\(skp)/feedback", as: employee,
                                 json: ["kind": "insidental", "relation": "rekan-kerja", "text": "Diri sendiri"]).status == 403)
        let tooLong = try await f.send("POST", "/v1/skp/\(skp)/feedback", as: f.pengawas,
                                       json: ["kind": "insidental", "text": String(repeating: "a", count: 2_001)])
        #expect(tooLong.status == 422 && Self.pointers(tooLong.body) == ["/text"])
        let oversized = try await f.send("POST", "/v1/skp/\(skp)/feedback", as: f.pengawas,
                                         json: ["kind": "insidental", "text": String(repeating: "a", count: 70_000)])
        #expect(oversized.status == 413)
        // Newest first by time-ordered id; both were given at the fixture's one instant, so only the pages are checked.
        let page = try await f.send("GET", "/v1/skp/\(skp)/feedback?limit=1", as: employee)
        let cursor = try #require(page.body["nextCursor"] as? String)
        let rest = try await f.send("GET", "/v1/skp/\(skp)/feedback?limit=1&cursor=\(cursor)", as: employee)
        let relations = [page, rest].flatMap { ($0.body["items"] as? [[String: Any]]) ?? [] }.compactMap { $0["relation"] as? String }
        #expect(relations.sorted() == ["pimpinan", "rekan-kerja"] && rest.body["nextCursor"] == nil)
        #expect(try await f.send("GET", "/v1/skp/\(skp)/feedback", as: peer).status == 404)
        #expect(try await f.send("GET", "/v1/skp/\(skp)/feedback?limit=500", as: employee).status == 400)

        let coaching: [String: Any] = ["kind": "bimbingan", "heldOn": "2026-01-05", "notes": "Cara memutakhirkan dataset"]
        #expect(try await f.send("POST", "/v1/skp/\(skp)/coaching", as: employee, json: coaching).status == 403)
        #expect(try await f.send("POST", "/v1/skp/\(skp)/coaching", as: f.pengawas, json: coaching).status == 201)
        let badKind = try await f.send("POST", "/v1/skp/\(skp)/coaching", as: f.pengawas,
                                       json: ["kind": "teguran", "heldOn": "2026-01-05", "notes": "x"])
        #expect(badKind.status == 422 && Self.pointers(badKind.body) == ["/kind"])
        #expect(((try await f.send("GET", "/v1/skp/\(skp)/coaching", as: f.head)).body["items"] as? [Any])?.count == 1)

        #expect(try await f.send("POST", "/v1/skp/\(skp)/rhk/\(rhk)/takeover", as: employee, json: ["note": "x"]).status == 403)
        let noNote = try await f.send("POST", "/v1/skp/\(skp)/rhk/\(rhk)/takeover", as: f.pengawas, json: ["note": " "])
        #expect(noNote.status == 422 && Self.pointers(noNote.body) == ["/note"])
        let note = "Pegawai tidak dapat menyelesaikan RHK ini setelah bimbingan"
        #expect(try await f.send("POST", "/v1/skp/\(skp)/rhk/\(rhk)/takeover", as: f.pengawas, json: ["note": note]).status == 201)
        let again = try await f.send("POST", "/v1/skp/\(skp)/rhk/\(rhk)/takeover", as: f.pengawas, json: ["note": note])
        #expect(again.status == 409 && again.body["type"] as? String == "https://kinerja.go.id/problems/rhk-already-taken-over")
        let overview = try await f.send("GET", "/v1/skp/\(skp)/execution", as: employee)
        let takeover = (overview.body["items"] as? [[String: Any]])?.first?["takeover"] as? [String: Any]
        #expect(takeover?["note"] as? String == note && takeover?["takenBy"] as? String == f.pengawas.uuidString.lowercased())
        let blocked = try await f.send("PUT", "/v1/skp/\(skp)/rhk/\(rhk)/plan", as: employee, json: Self.plan)
        #expect(blocked.status == 409 && blocked.body["type"] as? String == "https://kinerja.go.id/problems/rhk-taken-over")

        // The employee hears of each, queued with the change.
        #expect(Array(try f.jobKinds().suffix(4)) == ["skp.feedback-received", "skp.feedback-received", "skp.coaching-recorded",
                                                      "skp.rhk-taken-over"])

        // Another tenant's user, knowing the id, gets nothing.
        let other = try SKPAPIFixture(ruleSet: "tanah-laut", now: Self.january5)
        let foreign = try await other.send("GET", "/v1/skp/\(skp)/execution", as: other.staff[0])
        #expect(foreign.status == 404)
        #expect(try await other.send("POST", "/v1/skp/\(skp)/feedback", as: other.staff[0],
                                     json: ["kind": "insidental", "relation": "pihak-lain", "text": "x"]).status == 404)
    }
}
