import Foundation
import Kinerja
import Persistence
import Runtime
import Testing
import TestSupport

/// `GET /v1/documents/{id}`: who may download a document, through the real hierarchy
/// (perangkat daerah → unit → JPT → Administrator → Pelaksana) and real sessions.
@Suite struct DocumentRoutesTests {
    /// One tenant with a small hierarchy, users for each role, and one issued document.
    struct World {
        let world: IdentityWorld
        let document: StoredDocument
        let bytes: [UInt8]
        let tokens: [String: String]
    }

    private func makeWorld() async throws -> World {
        let world = try IdentityWorld()
        let tenant = world.tenantID, actor = AuditActor.system("test")
        let organisation = OrganisationStore(pool: world.appPool)
        let pd = try organisation.createPerangkatDaerah(tenant: tenant, actor: actor, code: "BKPSDM", name: "BKPSDM")
        let unit = try organisation.createUnit(tenant: tenant, actor: actor, perangkatDaerahID: pd.id, parentID: nil,
                                               code: "BANG", name: "Bidang Pengembangan")
        let head = try organisation.createJabatan(tenant: tenant, actor: actor, unitKerjaID: unit.id, superiorID: nil,
                                                  code: "KABAN", name: "Kepala Badan", kind: .jpt, jenjang: nil)
        let kabid = try organisation.createJabatan(tenant: tenant, actor: actor, unitKerjaID: unit.id, superiorID: head.id,
                                                   code: "KABID", name: "Kepala Bidang", kind: .administrator, jenjang: nil)
        let staff = try organisation.createJabatan(tenant: tenant, actor: actor, unitKerjaID: unit.id, superiorID: kabid.id,
                                                   code: "PRANATA", name: "Pranata Komputer", kind: .pelaksana, jenjang: nil)
        let employees = EmployeeStore(pool: world.appPool), assignments = AssignmentStore(pool: world.appPool)
        var ids: [String: UUID] = [:]
        let start = try #require(CivilDate(year: 2020, month: 1, day: 1))
        let since = try #require(DateRange(from: start, until: nil))
        for (index, (name, jabatan)) in [("subject", staff), ("colleague", staff), ("evaluator", kabid), ("superior", head)].enumerated() {
            let nip = NIP(storedDigits: "19850312201001100\(index + 1)")
            let employee = try employees.create(tenant: tenant, actor: actor,
                                                Employee(id: UUID(), nip: nip, name: "Pegawai \(name)", type: .pns, status: .aktif))
            _ = try assignments.assign(tenant: tenant, actor: actor, employeeID: employee.id, jabatanID: jabatan.id,
                                       kind: .definitif, period: since)
            ids[name] = employee.id
        }
        var tokens: [String: String] = [:]
        let users: [(String, UUID?, [Role])] = [
            ("subject", ids["subject"], []), ("colleague", ids["colleague"], []), ("evaluator", ids["evaluator"], []),
            ("superior", ids["superior"], []), ("admin", nil, [.tenantAdmin]),
            ("pengelola", nil, [.pengelolaKinerja(perangkatDaerah: pd.id)]),
        ]
        for (name, employee, roles) in users {
            let email = "\(name)-\(UUID().uuidString.prefix(6).lowercased())@uji.go.id"
            let (_, invitation) = try world.identities.createUser(
                tenantID: tenant, NewUser(nip: nil, email: email, name: name, employeeID: employee, roles: roles),
                grantedBy: nil, invitationTTLSeconds: 600)
            try world.identities.completeOneTimeToken(invitation.token, newPassword: IdentityWorld.password)
            tokens[name] = try await world.login(email)
        }
        var bytes: [UInt8] = []
        let draft = DocumentDraft(kind: .evaluationAnnual, subjectEmployeeID: try #require(ids["subject"]), referenceID: UUID(),
                                  subjectName: "Pegawai subject", periodLabel: "1 Januari s.d. 31 Desember 2025")
        let document = try DocumentStore(pool: world.appPool).issue(draft, id: UUID(), tenant: tenant, actor: actor,
                                                                    at: Date()) { code in
            bytes = Array("%PDF-1.4\n% Evaluasi Kinerja Pegawai \(code)\n%%EOF\n".utf8)
            return bytes
        }
        return World(world: world, document: document, bytes: bytes, tokens: tokens)
    }

    @Test func rightsFollowTheHierarchy() async throws {
        let w = try await makeWorld()
        let path = "/v1/documents/\(w.document.id.uuidString.lowercased())"
        for (who, status) in [("subject", 200), ("evaluator", 200), ("superior", 200), ("admin", 200), ("pengelola", 200),
                              ("colleague", 403)] {
            let token = try #require(w.tokens[who])
            let reply = try await w.world.client.get(path, headers: IdentityWorld.bearer(token))
            #expect(reply.status == status, "\(who): \(reply.text.prefix(200))")
            if status == 200 {
                #expect(reply.header("Content-Type") == "application/pdf")
                #expect([UInt8](reply.body) == w.bytes)
                #expect(reply.header("ETag") == "\"\(Runtime.SHA256.hex(w.bytes))\"")
                #expect(reply.header("Cache-Control") == "private, no-store")
            } else {
                #expect(reply.header("Content-Type") == "application/problem+json")
            }
        }
        #expect(try await w.world.client.get(path).status == 401)
    }

    @Test func anotherRegencyAndUnknownIdsSeeNothing() async throws {
        let w = try await makeWorld()
        let other = try IdentityWorld()
        try other.user(email: "admin@lain.go.id", roles: [.tenantAdmin])
        let token = try await other.login("admin@lain.go.id")
        // The other regency's admin, on the same database: the document does not exist for them.
        let reply = try await w.world.client.get("/v1/documents/\(w.document.id.uuidString.lowercased())",
                                                 headers: IdentityWorld.bearer(token))
        #expect(reply.status == 404)
        let admin = try #require(w.tokens["admin"])
        for id in [UUID().uuidString.lowercased(), "bukan-uuid"] {
            #expect(try await w.world.client.get("/v1/documents/\(id)", headers: IdentityWorld.bearer(admin)).status == 404)
        }
    }
}
