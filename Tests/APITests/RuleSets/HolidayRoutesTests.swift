import Foundation
import Kinerja
import Testing
import TestSupport
@testable import API

@Suite struct HolidayRoutesTests {
    @Test func tenantAdminsKeepTheirOwnDaysNextToTheNationalOnes() async throws {
        try RuleSetAPIFixture.seed()
        let world = try IdentityWorld()
        try world.user(email: "admin@\(world.slug).go.id", roles: [.tenantAdmin])
        let admin = IdentityWorld.bearer(try await world.login("admin@\(world.slug).go.id"))
        let employeeNIP = IdentityWorld.uniqueNIP()
        try world.user(nip: employeeNIP, roles: [.pegawai])
        let employee = IdentityWorld.bearer(try await world.login(employeeNIP))

        let added = try await world.client.send("POST", "/v1/holidays", body: try IdentityWorld.json([
            "date": "2026-06-10", "name": "Hari Jadi Kabupaten", "decree": "Keputusan Bupati Nomor 5 Tahun 2026",
        ]), headers: admin)
        #expect(added.status == 201, "\(added.text)")
        #expect(try added.json()["kind"] as? String == "tenant")
        #expect(try await world.client.send("POST", "/v1/holidays", body: try IdentityWorld.json([
            "date": "2026-06-10", "name": "Lagi", "decree": "x",
        ]), headers: admin).status == 409)

        // Everyone of the tenant reads the calendar: national days, cuti bersama and the tenant's own.
        let list = try await world.client.get("/v1/holidays?year=2026", headers: employee)
        #expect(list.status == 200)
        #expect(try list.json()["nationalListComplete"] as? Bool == true)
        let items = try #require(try list.json()["items"] as? [[String: Any]])
        #expect(items.count == NationalHolidays.year2026.holidays.count + 1)
        #expect(items.contains { $0["date"] as? String == "2026-06-10" && $0["kind"] as? String == "tenant" })
        #expect(items.contains { $0["date"] as? String == "2026-03-20" && $0["kind"] as? String == "cuti-bersama" })
        #expect(try await world.client.get("/v1/holidays?year=2027", headers: employee).json()["nationalListComplete"] as? Bool == false)
        #expect(try await world.client.get("/v1/holidays?year=abc", headers: employee).status == 422)

        // Only the tenant admin changes it; a national day is not the tenant's to remove.
        #expect(try await world.client.send("POST", "/v1/holidays", body: try IdentityWorld.json([
            "date": "2026-06-11", "name": "X", "decree": "Y",
        ]), headers: employee).status == 403)
        #expect(try await world.client.send("DELETE", "/v1/holidays/2026-01-01", headers: admin).status == 404)
        #expect(try await world.client.send("DELETE", "/v1/holidays/2026-06-10", headers: employee).status == 403)
        #expect(try await world.client.send("DELETE", "/v1/holidays/2026-06-10", headers: admin).status == 204)
        #expect(try await world.client.send("DELETE", "/v1/holidays/2026-06-10", headers: admin).status == 404)
    }

    @Test func invalidHolidaysAre422WithPointers() async throws {
        let world = try IdentityWorld()
        try world.user(email: "admin@\(world.slug).go.id", roles: [.tenantAdmin])
        let admin = IdentityWorld.bearer(try await world.login("admin@\(world.slug).go.id"))
        let reply = try await world.client.send("POST", "/v1/holidays", body: try IdentityWorld.json([
            "date": "1999-01-01", "name": " ", "decree": "",
        ]), headers: admin)
        #expect(reply.status == 422)
        #expect(try RuleSetAPIFixture.fieldErrors(reply).map(\.pointer) == ["/date", "/name", "/decree"])
    }
}
