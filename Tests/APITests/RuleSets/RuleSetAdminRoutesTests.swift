import Foundation
import Kinerja
import Testing
import TestSupport
@testable import API

@Suite struct RuleSetAdminRoutesTests {
    /// Issue 4, "must show": a fifth tenant is onboarded with a copied and edited rule set through
    /// the API alone.
    @Test func aFifthTenantIsOnboardedWithACopiedAndEditedRuleSetThroughTheAPIAlone() async throws {
        try RuleSetAPIFixture.seed()
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        let slug = RuleSetAPIFixture.slug()

        let onboard = try await world.client.send("POST", "/v1/admin/tenants", body: IdentityWorld.json([
            "slug": slug, "name": "Kabupaten Sleman", "province": "DI Yogyakarta", "timeZone": "Asia/Jakarta",
        ]), headers: admin)
        #expect(onboard.status == 201, "\(onboard.text)")

        // Demak's rule set in force, copied and edited: tenant, name and the objection filing window.
        let demak = try await world.client.get("/v1/admin/tenants/demak/rule-sets/in-force?on=2026-01-01", headers: admin)
        #expect(demak.status == 200, "\(demak.text)")
        var document = try RuleSetAPIFixture.object(try demak.json()["document"])
        #expect(document["tenant"] as? String == "demak")
        document["tenant"] = slug
        document["name"] = "Perbup Sleman 1/2026 tentang Pengelolaan Kinerja ASN"
        var objection = try RuleSetAPIFixture.object(document["objection"])
        objection["filingWindow"] = ["days": 10, "unit": "working",
                                     "basis": ["regulation": "Perbup Sleman 1/2026", "article": "Pasal 20"]]
        document["objection"] = objection

        let draft = try await world.client.send("POST", "/v1/admin/tenants/\(slug)/rule-sets", body: IdentityWorld.json([
            "document": document, "legalNote": "Disalin dari Demak; jangka keberatan menurut Perbup Sleman 1/2026",
        ]), headers: admin)
        #expect(draft.status == 201, "\(draft.text)")
        #expect(try draft.json()["version"] as? Int == 1)
        #expect(try draft.json()["status"] as? String == "draft")

        let validated = try await world.client.send("POST", "/v1/admin/tenants/\(slug)/rule-sets/1/validate", headers: admin)
        #expect(validated.status == 200, "\(validated.text)")
        #expect(try validated.json()["valid"] as? Bool == true)

        let published = try await world.client.send("POST", "/v1/admin/tenants/\(slug)/rule-sets/1/publish",
                                                     body: IdentityWorld.json(["validFrom": "2026-01-01"]), headers: admin)
        #expect(published.status == 200, "\(published.text)")
        #expect(try RuleSetAPIFixture.object(try published.json()["published"])["validFrom"] as? String == "2026-01-01")

        // The tenant's first BKPSDM admin reads the rule set in force.
        let created = try await world.client.send("POST", "/v1/admin/tenants/\(slug)/users", body: IdentityWorld.json([
            "email": "bkpsdm@\(slug).go.id", "name": "Admin BKPSDM", "roles": [["role": "tenant_admin"]],
        ]), headers: admin)
        #expect(created.status == 201, "\(created.text)")
        let invitation = try #require((try created.json()["invitation"] as? [String: Any])?["token"] as? String)
        let password = "sleman pagi yang cerah"
        #expect(try await world.client.send("POST", "/v1/password-resets", body: IdentityWorld.json(
            ["token": invitation, "newPassword": password])).status == 204)
        let tenantAdmin = IdentityWorld.bearer(try await world.login("bkpsdm@\(slug).go.id", password: password, slug: slug))

        let inForce = try await world.client.get("/v1/rule-sets/in-force?on=2026-06-01", headers: tenantAdmin)
        #expect(inForce.status == 200, "\(inForce.text)")
        let body = try inForce.json()
        #expect(body["tenant"] as? String == slug)
        #expect(body["version"] as? Int == 1)
        let inForceDocument = try RuleSetAPIFixture.object(body["document"])
        let window = try RuleSetAPIFixture.object(try RuleSetAPIFixture.object(inForceDocument["objection"])["filingWindow"])
        #expect(window["days"] as? Int == 10)
        #expect(window["unit"] as? String == "working")
        #expect(try await world.client.get("/v1/rule-sets/in-force?on=2025-12-31", headers: tenantAdmin).status == 404)
        let list = try await world.client.get("/v1/rule-sets", headers: tenantAdmin)
        #expect(list.status == 200 && list.text.contains("\"version\":1"))
    }

    @Test func onlyCentralAdminsWriteRuleSets() async throws {
        let world = try IdentityWorld()
        try world.user(email: "admin@\(world.slug).go.id", roles: [.tenantAdmin])
        let tenantAdmin = IdentityWorld.bearer(try await world.login("admin@\(world.slug).go.id"))
        let body = try IdentityWorld.json(["document": ["tenant": world.slug]])

        let noToken = try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets", body: body)
        #expect(noToken.status == 401)
        let forbidden = try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets", body: body,
                                                    headers: tenantAdmin)
        #expect(forbidden.status == 403)
        #expect(try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets/1/publish",
                                             body: try IdentityWorld.json(["validFrom": "2026-01-01"]),
                                             headers: tenantAdmin).status == 403)
        #expect(try await world.client.get("/v1/admin/tenants/demak/rule-sets", headers: tenantAdmin).status == 403)
        // Central admins belong to no tenant, so the tenant routes are not theirs.
        let central = IdentityWorld.bearer(try await world.centralAdminToken())
        #expect(try await world.client.get("/v1/rule-sets", headers: central).status == 403)
    }

    @Test func invalidDocumentsAre422WithEveryPointerAndCode() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        var document = try RuleSetAPIFixture.object(try JSONSerialization.jsonObject(with: try SeededRuleSets.data(for: "pasuruan")))
        document["tenant"] = "demak"
        var evaluation = try RuleSetAPIFixture.object(document["evaluation"])
        var weights = try RuleSetAPIFixture.object(evaluation["weights"])
        weights["skp"] = 120
        evaluation["weights"] = weights
        document["evaluation"] = evaluation
        document["extra"] = true

        let reply = try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets",
                                                body: try IdentityWorld.json(["document": document]), headers: admin)
        #expect(reply.status == 422, "\(reply.text)")
        #expect(reply.header("Content-Type") == "application/problem+json")
        let errors = try RuleSetAPIFixture.fieldErrors(reply)
        #expect(errors.contains { $0 == ("/document/evaluation/weights/skp", "out_of_range") })
        #expect(errors.contains { $0 == ("/document/extra", "unknown_key") })

        // Valid, but another tenant's: the tenant and zone must be this tenant's.
        var foreign = try RuleSetAPIFixture.object(try JSONSerialization.jsonObject(with: try SeededRuleSets.data(for: "tanah-laut")))
        foreign["name"] = "Salinan"
        let mismatch = try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets",
                                                   body: try IdentityWorld.json(["document": foreign]), headers: admin)
        #expect(mismatch.status == 422)
        let mismatchErrors = try RuleSetAPIFixture.fieldErrors(mismatch)
        #expect(mismatchErrors.map(\.pointer) == ["/document/tenant", "/document/timeZone"])
        #expect(mismatchErrors.map(\.code) == ["inconsistent", "inconsistent"])

        let notJSON = try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets",
                                                  body: Data("{document".utf8), headers: admin)
        #expect(notJSON.status == 400)
        let missing = try await world.client.send("POST", "/v1/admin/tenants/\(world.slug)/rule-sets",
                                                  body: try IdentityWorld.json(["note": "x"]), headers: admin)
        #expect(try RuleSetAPIFixture.fieldErrors(missing).map(\.pointer) == ["/note", "/document"])
    }

    @Test func publishedVersionsAreImmutableAndValidityNeverOverlaps() async throws {
        let world = try IdentityWorld()
        let admin = IdentityWorld.bearer(try await world.centralAdminToken())
        var document = try RuleSetAPIFixture.object(try JSONSerialization.jsonObject(with: try SeededRuleSets.data(for: "demak")))
        document["tenant"] = world.slug
        let base = "/v1/admin/tenants/\(world.slug)/rule-sets"
        for _ in 0..<2 {
            let draft = try await world.client.send("POST", base, body: try IdentityWorld.json(["document": document]), headers: admin)
            #expect(draft.status == 201, "\(draft.text)")
        }
        let first = try await world.client.send("POST", base + "/1/publish", body: try IdentityWorld.json(
            ["validFrom": "2025-01-01", "validUntil": "2025-12-31"]), headers: admin)
        #expect(first.status == 200, "\(first.text)")

        let edit = try await world.client.send("PUT", base + "/1", body: try IdentityWorld.json(["document": document]),
                                               headers: admin)
        #expect(edit.status == 409)
        #expect(try edit.json()["type"] as? String == "https://kinerja.go.id/problems/rule-set-published")

        let overlap = try await world.client.send("POST", base + "/2/publish", body: try IdentityWorld.json(
            ["validFrom": "2025-07-01"]), headers: admin)
        #expect(overlap.status == 409)
        #expect(try overlap.json()["type"] as? String == "https://kinerja.go.id/problems/validity-overlap")
        #expect(try RuleSetAPIFixture.fieldErrors(overlap).map(\.pointer) == ["/validFrom"])

        let badDate = try await world.client.send("POST", base + "/2/publish", body: try IdentityWorld.json(
            ["validFrom": "2026-02-30"]), headers: admin)
        #expect(badDate.status == 422)

        // The draft can still change; the diff shows what.
        document["name"] = "Nama baru"
        #expect(try await world.client.send("PUT", base + "/2", body: try IdentityWorld.json(["document": document]),
                                             headers: admin).status == 200)
        let diff = try await world.client.get(base + "/1/diff/2", headers: admin)
        #expect(diff.status == 200)
        #expect(try diff.json()["changedPaths"] as? [String] == ["$.name"])
        #expect(try await world.client.get(base + "/1/diff/9", headers: admin).status == 404)

        let next = try await world.client.send("POST", base + "/2/publish", body: try IdentityWorld.json(
            ["validFrom": "2026-01-01"]), headers: admin)
        #expect(next.status == 200, "\(next.text)")
        let list = try await world.client.get(base, headers: admin)
        let items = try #require(try list.json()["items"] as? [[String: Any]])
        #expect(items.map { $0["status"] as? String } == ["published", "published"])
        #expect(items.allSatisfy { $0["document"] == nil })
    }
}
