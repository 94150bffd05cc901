import Foundation
import HTTP
import Kinerja
import Testing
@testable import API

@Suite struct TenantRoutesTests {
    @Test(arguments: [
        ("karawang", "Kabupaten Karawang", "Asia/Jakarta"),
        ("tanah-laut", "Kabupaten Tanah Laut", "Asia/Makassar"),
        ("pasuruan", "Kabupaten Pasuruan", "Asia/Jakarta"),
        ("demak", "Kabupaten Demak", "Asia/Jakarta"),
    ])
    func seededTenantsAreServed(slug: String, name: String, zone: String) async throws {
        let fixture = try APIFixture()
        let reply = try await fixture.client.get("/v1/tenants/\(slug)")
        #expect(reply.status == 200)
        let body = try reply.json()
        #expect(body["slug"] as? String == slug)
        #expect(body["name"] as? String == name)
        #expect(body["timeZone"] as? String == zone)
        #expect(body["active"] == nil, "the public view leaves the status to central admins")
    }

    @Test(arguments: ["tidak-ada", "BAD", "x", "a%27%3B--"])
    func unknownOrMalformedSlugIs404Problem(slug: String) async throws {
        let fixture = try APIFixture()
        let reply = try await fixture.client.get("/v1/tenants/\(slug)")
        #expect(reply.status == 404)
        #expect(reply.header("Content-Type") == "application/problem+json")
        #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/not-found")
    }
}

extension TenantRoutesTests {
    /// The public view is written by hand for speed (`TenantSummary.json`); it must stay the
    /// document `Response.json` would send, byte for byte, escapes included.
    @Test(arguments: [false, true])
    func handWrittenSummaryEqualsTheEncodedOne(showsStatus: Bool) throws {
        let tenant = Tenant(id: UUID(), slug: "tanah-laut", name: "Kabupaten \"Tanah\" Laut \\ Selatan/Utara",
                            province: "Kalimantan Selatan\nå ✓", timeZone: "Asia/Makassar", active: true)
        let summary = TenantSummary(tenant, showsStatus: showsStatus)
        #expect(Array(summary.json.utf8) == (try Response.json(summary).body))
    }
}
