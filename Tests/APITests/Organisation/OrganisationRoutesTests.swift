import API
import Foundation
import Kinerja
import Persistence
import Testing
import TestSupport

/// The organisation API end to end, with real logins: isolation between two tenants' admins,
/// who may write, the evaluator with its explanation, CSV import and the audit chain check.
@Suite struct OrganisationRoutesTests {
    /// A tenant admin of a fresh tenant, logged in.
    private func admin(_ world: IdentityWorld) async throws -> [String: String] {
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip, roles: [.tenantAdmin])
        return IdentityWorld.bearer(try await world.login(nip))
    }

    private func post(_ world: IdentityWorld, _ path: String, _ body: Any, _ headers: [String: String]) async throws -> APIClient.Reply {
        try await world.client.send("POST", path, body: try IdentityWorld.json(body), headers: headers.merging(["Content-Type": "application/json"]) { $1 })
    }

    @Test func twoTenantsAdminsSeeAndChangeOnlyTheirOwn() async throws {
        let a = try IdentityWorld(), b = try IdentityWorld()
        let adminA = try await admin(a), adminB = try await admin(b)
        let created = try await post(a, "/v1/perangkat-daerah", ["code": "DISDIK", "name": "Dinas Pendidikan"], adminA)
        #expect(created.status == 201, "\(created.text)")
        let id = try #require(try created.json()["id"] as? String)

        let listB = try await b.client.get("/v1/perangkat-daerah", headers: adminB)
        #expect(listB.status == 200)
        #expect((try listB.json()["items"] as? [Any])?.isEmpty == true)
        #expect(try await b.client.get("/v1/perangkat-daerah/\(id)", headers: adminB).status == 404)
        let put = try await b.client.send("PUT", "/v1/perangkat-daerah/\(id)", body: try IdentityWorld.json(["name": "Dibajak"]), headers: adminB)
        #expect(put.status == 404)
        // B may use the same code: codes are unique per tenant only.
        #expect(try await post(b, "/v1/perangkat-daerah", ["code": "DISDIK", "name": "Dinas Pendidikan B"], adminB).status == 201)

        let listA = try await a.client.get("/v1/perangkat-daerah", headers: adminA)
        let items = try #require(try listA.json()["items"] as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["Dinas Pendidikan"])
    }

    @Test func writesNeedATenantAdmin() async throws {
        let world = try IdentityWorld()
        #expect(try await post(world, "/v1/perangkat-daerah", ["code": "X", "name": "X"], [:]).status == 401)
        let nip = IdentityWorld.uniqueNIP()
        try world.user(nip: nip)
        let employee = IdentityWorld.bearer(try await world.login(nip))
        #expect(try await post(world, "/v1/perangkat-daerah", ["code": "X", "name": "X"], employee).status == 403)
        #expect(try await world.client.send("POST", "/v1/imports/employees", body: Data("nip\n".utf8), headers: employee).status == 403)
        #expect(try await world.client.get("/v1/audit/verify", headers: employee).status == 403)
        // Reading the structure is open to every user of the tenant.
        #expect(try await world.client.get("/v1/units", headers: employee).status == 200)
    }

    @Test func importThenEvaluatorExplainedAndAuditIntact() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        func upload(_ kind: String, _ csv: String, dryRun: Bool = false) async throws -> APIClient.Reply {
            try await world.client.send("POST", "/v1/imports/\(kind)\(dryRun ? "?dryRun=true" : "")", body: Data(csv.utf8),
                                        headers: headers.merging(["Content-Type": "text/csv"]) { $1 })
        }
        let units = "kode_perangkat_daerah,nama_perangkat_daerah,kode_unit,nama_unit,kode_unit_induk\r\nDISDIK,Dinas Pendidikan,SD,Bidang SD,\r\nDISDIK,Dinas Pendidikan,KUR,Seksi Kurikulum,SD\r\n"
        let dry = try await upload("units", units, dryRun: true)
        #expect(dry.status == 200)
        let dryBody = try dry.json()
        #expect(dryBody["created"] as? Int == 2 && dryBody["written"] as? Bool == false)
        #expect(try await upload("units", units).status == 200)
        #expect(try await upload("jabatan", """
            kode_jabatan,nama_jabatan,jenis,jenjang,kode_unit,kode_jabatan_atasan
            KABID,Kepala Bidang SD,administrator,,SD,
            KASI,Kepala Seksi Kurikulum,pengawas,,KUR,KABID
            STAF,Pengadministrasi Umum,pelaksana,,KUR,KASI
            """).status == 200)
        #expect(try await upload("employees", "nip,nama,jenis_pegawai\n197502021998031002,Kabid,PNS\n199001012015012001,Staf,PNS\n").status == 200)
        #expect(try await upload("assignments", """
            nip,kode_jabatan,jenis_penempatan,mulai,selesai
            197502021998031002,KABID,definitif,2020-01-01,
            199001012015012001,STAF,definitif,2020-01-01,
            """).status == 200)

        let bad = try await upload("employees", "nip,nama,jenis_pegawai\n198502302010011003,A,PNS\n198503122010011000,B,PNS\n")
        #expect(bad.status == 422)
        let errors = try #require(try bad.json()["errors"] as? [[String: Any]])
        #expect(errors.map { "\($0["line"] ?? "")/\($0["code"] ?? "")" } == ["2/nip_invalid_birth_date", "3/nip_zero_sequence"])

        let list = try await world.client.get("/v1/employees?limit=1", headers: headers)
        let first = try #require(try list.json()["items"] as? [[String: Any]])
        let next = try list.json()["nextCursor"] as? String
        #expect(first.count == 1 && next != nil)
        let staf = try #require(try EmployeeStore(pool: world.appPool).employee(tenant: world.tenantID, nip: NIP(storedDigits: "199001012015012001")))
        let reply = try await world.client.get("/v1/employees/\(staf.id.uuidString.lowercased())/evaluator?on=2025-03-01", headers: headers)
        #expect(reply.status == 200, "\(reply.text)")
        let body = try reply.json()
        let steps = try #require(body["explanation"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        #expect(steps.contains { $0.contains("Kepala Seksi Kurikulum kosong pada 2025-03-01 → atasan berikutnya") }, "\(steps)")
        #expect((body["evaluator"] as? [String: Any])?["holding"] as? String == "definitif")

        let verify = try await world.client.get("/v1/audit/verify", headers: headers)
        #expect(verify.status == 200)
        let verified = try verify.json()
        #expect(verified["intact"] as? Bool == true)
        #expect((verified["verifiedEntries"] as? Int ?? 0) >= 9)
    }

    @Test func employeesReadWhatConcernsThem() async throws {
        let world = try IdentityWorld()
        let headers = try await admin(world)
        func upload(_ kind: String, _ csv: String) async throws {
            let reply = try await world.client.send("POST", "/v1/imports/\(kind)", body: Data(csv.utf8), headers: headers)
            #expect(reply.status == 200, "\(kind): \(reply.text)")
        }
        try await upload("units", "kode_perangkat_daerah,nama_perangkat_daerah,kode_unit,nama_unit\nDINKES,Dinas Kesehatan,YANKES,Bidang Pelayanan\n")
        try await upload("jabatan", """
            kode_jabatan,nama_jabatan,jenis,kode_unit,kode_jabatan_atasan
            KABID,Kepala Bidang Pelayanan,administrator,YANKES,
            KASI,Kepala Seksi Rujukan,pengawas,YANKES,KABID
            STAF,Pengelola Data,pelaksana,YANKES,KASI
            """)
        let nips = ["kabid": "197502021998031002", "kasi": "198001012005011001", "staf": "199001012015012001", "staf2": "199202022016012002"]
        try await upload("employees", "nip,nama,jenis_pegawai\n" + nips.map { "\($0.value),\($0.key),PNS" }.joined(separator: "\n"))
        try await upload("assignments", """
            nip,kode_jabatan,jenis_penempatan,mulai
            197502021998031002,KABID,definitif,2020-01-01
            198001012005011001,KASI,definitif,2020-01-01
            199001012015012001,STAF,definitif,2020-01-01
            199202022016012002,STAF,definitif,2020-01-01
            """)
        let store = EmployeeStore(pool: world.appPool)
        var ids: [String: String] = [:]
        var tokens: [String: [String: String]] = [:]
        for (name, nip) in nips {
            let employee = try #require(try store.employee(tenant: world.tenantID, nip: NIP(storedDigits: nip)))
            ids[name] = employee.id.uuidString.lowercased()
            let (_, invitation) = try world.identities.createUser(
                tenantID: world.tenantID, NewUser(nip: nip, email: nil, name: name, employeeID: employee.id), grantedBy: nil, invitationTTLSeconds: 600)
            try world.identities.completeOneTimeToken(invitation.token, newPassword: IdentityWorld.password)
            tokens[name] = IdentityWorld.bearer(try await world.login(nip))
        }
        func status(_ who: String, _ path: String) async throws -> Int {
            try await world.client.get(path, headers: tokens[who] ?? [:]).status
        }
        let staf = try #require(ids["staf"]), kabid = try #require(ids["kabid"])
        #expect(try await status("staf", "/v1/employees/\(staf)") == 200)            // oneself
        #expect(try await status("staf", "/v1/employees/\(staf)/evaluator") == 200)
        #expect(try await status("kasi", "/v1/employees/\(staf)") == 200)            // the evaluator
        #expect(try await status("kabid", "/v1/employees/\(staf)/assignments") == 200) // the evaluator's superior
        #expect(try await status("staf2", "/v1/employees/\(staf)") == 403)           // a colleague
        #expect(try await status("kasi", "/v1/employees/\(kabid)") == 403)           // a subordinate about the superior
        #expect(try await status("staf", "/v1/employees") == 403)                     // the list is for admins
        let me = try await world.client.get("/v1/me", headers: tokens["kasi"] ?? [:])
        #expect(me.text.contains("pejabat_penilai"), "\(me.text)")
    }
}
