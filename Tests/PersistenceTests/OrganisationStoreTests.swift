import Foundation
import Kinerja
import Postgres
import Testing
@testable import Persistence

/// A tiny dinas built through the stores: Kepala Dinas ← Kepala Bidang ← Kepala Seksi ← Pelaksana.
struct DinasFixture {
    let pool: PostgresPool
    let tenant: UUID
    let organisation: OrganisationStore
    let employees: EmployeeStore
    let assignments: AssignmentStore
    let pd: PerangkatDaerah
    let bidang: UnitKerja, seksi: UnitKerja
    let kadis: Jabatan, kabid: Jabatan, kasi: Jabatan, pelaksana: Jabatan
    static let actor = AuditActor.system("test")

    init() throws {
        pool = try PersistenceFixture.appPool()
        tenant = try PersistenceFixture.makeTenant()
        organisation = OrganisationStore(pool: pool)
        employees = EmployeeStore(pool: pool)
        assignments = AssignmentStore(pool: pool)
        let a = Self.actor
        pd = try organisation.createPerangkatDaerah(tenant: tenant, actor: a, code: "DISDIK", name: "Dinas Pendidikan")
        bidang = try organisation.createUnit(tenant: tenant, actor: a, perangkatDaerahID: pd.id, parentID: nil, code: "DISDIK.1", name: "Bidang SD")
        seksi = try organisation.createUnit(tenant: tenant, actor: a, perangkatDaerahID: pd.id, parentID: bidang.id, code: "DISDIK.1.1", name: "Seksi Kurikulum")
        kadis = try organisation.createJabatan(tenant: tenant, actor: a, unitKerjaID: bidang.id, superiorID: nil, code: "J1", name: "Kepala Dinas", kind: .jpt, jenjang: nil)
        kabid = try organisation.createJabatan(tenant: tenant, actor: a, unitKerjaID: bidang.id, superiorID: kadis.id, code: "J2", name: "Kepala Bidang SD", kind: .administrator, jenjang: nil)
        kasi = try organisation.createJabatan(tenant: tenant, actor: a, unitKerjaID: seksi.id, superiorID: kabid.id, code: "J3", name: "Kepala Seksi Kurikulum", kind: .pengawas, jenjang: nil)
        pelaksana = try organisation.createJabatan(tenant: tenant, actor: a, unitKerjaID: seksi.id, superiorID: kasi.id, code: "J4", name: "Pengadministrasi Umum", kind: .pelaksana, jenjang: nil)
    }

    func employee(_ nip: String, _ name: String) throws -> Employee {
        let validated = try NIP(nip, type: .pns, today: CivilDate(iso: "2026-11-25") ?? CivilDate(daysSinceEpoch: 0))
        return try employees.create(tenant: tenant, actor: Self.actor,
                                    Employee(id: UUID(), nip: validated, name: name, type: .pns, status: .aktif))
    }

    /// A civil date from `YYYY-MM-DD`; an invalid literal yields a far-away date so tests fail loudly.
    static func day(_ text: String) -> CivilDate {
        CivilDate(iso: text) ?? CivilDate(daysSinceEpoch: -1_000_000)
    }

    static func range(_ from: String, _ until: String? = nil) throws -> DateRange {
        let start = try #require(CivilDate(iso: from))
        return try #require(DateRange(from: start, until: until.flatMap(CivilDate.init(iso:))))
    }
}

@Suite(.requiresDatabase) struct OrganisationStoreTests {
    @Test func unitTreeRefusesCyclesAndOtherPerangkatDaerah() throws {
        let f = try DinasFixture()
        defer { f.pool.close() }
        // Moving the bidang under its own seksi would make a cycle.
        #expect(throws: OrganisationError.self) {
            try f.organisation.updateUnit(tenant: f.tenant, actor: DinasFixture.actor, id: f.bidang.id, parentID: f.seksi.id, name: "Bidang SD", active: true)
        }
        do {
            _ = try f.organisation.updateUnit(tenant: f.tenant, actor: DinasFixture.actor, id: f.bidang.id, parentID: f.seksi.id, name: "x", active: true)
        } catch let error as OrganisationError {
            #expect(error.code == "cycle")
        }
        let other = try f.organisation.createPerangkatDaerah(tenant: f.tenant, actor: DinasFixture.actor, code: "DINKES", name: "Dinas Kesehatan")
        do {
            _ = try f.organisation.createUnit(tenant: f.tenant, actor: DinasFixture.actor, perangkatDaerahID: other.id, parentID: f.bidang.id, code: "X1", name: "Salah")
            Issue.record("a parent in another perangkat daerah must be refused")
        } catch let error as OrganisationError {
            #expect(error.code == "parent_in_other_perangkat_daerah")
        }
        // The valid move is fine and is recorded.
        let moved = try f.organisation.updateUnit(tenant: f.tenant, actor: DinasFixture.actor, id: f.seksi.id, parentID: nil, name: "Seksi Kurikulum", active: true)
        #expect(moved.parentID == nil)
    }

    @Test func jabatanRules() throws {
        let f = try DinasFixture()
        defer { f.pool.close() }
        let a = DinasFixture.actor
        do {
            _ = try f.organisation.updateJabatan(tenant: f.tenant, actor: a, id: f.kadis.id, unitKerjaID: f.bidang.id, superiorID: f.pelaksana.id,
                                                 name: "Kepala Dinas", kind: .jpt, jenjang: nil, active: true)
            Issue.record("cycle must be refused")
        } catch let error as OrganisationError { #expect(error.code == "cycle") }
        do {
            _ = try f.organisation.createJabatan(tenant: f.tenant, actor: a, unitKerjaID: f.seksi.id, superiorID: f.kasi.id, code: "J9",
                                                 name: "Guru", kind: .fungsional, jenjang: nil)
            Issue.record("jenjang required")
        } catch let error as OrganisationError { #expect(error.code == "jenjang_required") }
        do {
            _ = try f.organisation.createJabatan(tenant: f.tenant, actor: a, unitKerjaID: f.seksi.id, superiorID: nil, code: "J1",
                                                 name: "Duplikat", kind: .pelaksana, jenjang: nil)
            Issue.record("duplicate code")
        } catch let error as OrganisationError { #expect(error.code == "duplicate") }
        let guru = try f.organisation.createJabatan(tenant: f.tenant, actor: a, unitKerjaID: f.seksi.id, superiorID: f.kasi.id, code: "J9",
                                                    name: "Guru Ahli Pertama", kind: .fungsional, jenjang: .ahliPertama)
        #expect(try f.organisation.jabatan(tenant: f.tenant, id: guru.id) == guru)
        let page = try f.organisation.listJabatan(tenant: f.tenant, unitKerjaID: f.seksi.id, after: nil, limit: 2)
        #expect(page.items.count == 2 && page.nextAfter != nil)
        let rest = try f.organisation.listJabatan(tenant: f.tenant, unitKerjaID: f.seksi.id, after: page.nextAfter, limit: 2)
        #expect(rest.items.count == 1 && rest.nextAfter == nil)
    }

    @Test func everyWriteIsAuditedInOneChain() throws {
        let f = try DinasFixture()
        defer { f.pool.close() }
        let e = try f.employee("198503122010011003", "Siti Aminah")
        var changed = e
        changed.status = .tugasBelajar
        _ = try f.employees.update(tenant: f.tenant, actor: .user(UUID()), changed)
        // 1 PD + 2 units + 4 jabatan + create + update.
        let log = AuditLog(pool: f.pool)
        #expect(try log.verify(tenant: f.tenant) == AuditVerification(verifiedCount: 9, firstBreak: nil))
        let entries = try log.entries(tenant: f.tenant, entity: "employee", entityID: e.id.uuidString.lowercased())
        #expect(entries.map(\.action) == ["update", "create"])
        #expect(entries.first?.before?.member("status") == .string("aktif"))
        #expect(entries.first?.after?.member("status") == .string("tugas-belajar"))
        // The same NIP twice is refused.
        do {
            _ = try f.employee("19850312 201001 1 003", "Orang Lain")
            Issue.record("duplicate NIP")
        } catch let error as OrganisationError { #expect(error.code == "duplicate" && error.field == "nip") }
    }
}

extension JSONValue {
    /// The member `key` of an object.
    func member(_ key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
