import Foundation
import Kinerja
import Postgres
import Testing
@testable import Persistence

@Suite(.requiresDatabase) struct OrganisationImporterTests {
    static let today = CivilDate(iso: "2026-11-25") ?? CivilDate(daysSinceEpoch: 0)
    static let actor = AuditActor.system("import-test")

    private func run(_ importer: OrganisationImporter, _ kind: ImportKind, _ text: String, tenant: UUID, dryRun: Bool = false) throws -> ImportReport {
        try importer.run(kind, csv: Array(text.utf8), tenant: tenant, actor: Self.actor, today: Self.today, dryRun: dryRun)
    }

    private func count(_ pool: PostgresPool, _ tenant: UUID, _ table: String) throws -> Int {
        try pool.transaction(tenant: tenant) { c in try c.query("SELECT count(*) FROM \(unescaped: table)").first?.decode(Int.self, at: 0) ?? -1 }
    }

    @Test func fileWithErrorsWritesNothingAndReportsEveryBadRow() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let importer = OrganisationImporter(pool: pool)
        let csv = """
            nip,nama,jenis_pegawai,status,dikelola_instansi_pembina,email
            198503122010011003,Siti Aminah,PNS,aktif,tidak,siti@example.go.id
            198502302010011003,Tanggal Salah,PNS,aktif,,
            198503122010131003,Bulan Salah,PNS,,,
            198503122010013004,Kelamin Salah,PNS,,,
            198503122010011000,Urut Nol,PNS,,,
            1985031220100110,Pendek,PNS,,,
            19850312 201001 1 005,,PNS,cuti,mungkin,bukan-email
            199001012015011001,Honorer,HONORER,,,
            19850312 201001 1 003,Siti Lagi,PNS,,,

            """
        let report = try run(importer, .employees, csv, tenant: tenant)
        #expect(report.rows == 9)
        let got = report.issues.map { "\($0.line):\($0.column ?? "-"):\($0.code)" }
        #expect(got == [
            "3:nip:nip_invalid_birth_date",
            "4:nip:nip_invalid_appointment_month",
            "5:nip:nip_invalid_sex_digit",
            "6:nip:nip_zero_sequence",
            "7:nip:nip_wrong_length",
            "8:dikelola_instansi_pembina:invalid_flag",
            "8:email:invalid_email",
            "8:nama:invalid_name",
            "8:status:invalid_status",
            "9:jenis_pegawai:invalid_employee_type",
            "10:nip:duplicate_in_file",
        ])
        #expect(report.issues.allSatisfy { !$0.message.isEmpty })
        #expect(report.created == 0)
        #expect(try count(pool, tenant, "employees") == 0)
        #expect(try count(pool, tenant, "audit_log") == 0)
    }

    @Test func reimportIsIdempotentAndDryRunWritesNothing() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let importer = OrganisationImporter(pool: pool)
        let csv = """
            nip,nama,jenis_pegawai
            198503122010011003,Siti Aminah,PNS
            "19900101 202421 1 001","Budi, S.Kom",PPPK
            """
        let dry = try run(importer, .employees, csv, tenant: tenant, dryRun: true)
        #expect((dry.created, dry.updated, dry.unchanged, dry.issues) == (2, 0, 0, []))
        #expect(try count(pool, tenant, "employees") == 0)

        let first = try run(importer, .employees, csv, tenant: tenant)
        #expect((first.created, first.updated, first.unchanged) == (2, 0, 0))
        let again = try run(importer, .employees, csv, tenant: tenant)
        #expect((again.created, again.updated, again.unchanged) == (0, 0, 2))
        let changed = try run(importer, .employees, csv.replacingOccurrences(of: "Siti Aminah", with: "Siti Aminah SE"), tenant: tenant)
        #expect((changed.created, changed.updated, changed.unchanged) == (0, 1, 1))
        #expect(try count(pool, tenant, "employees") == 2)
        #expect(try AuditLog(pool: pool).verify(tenant: tenant) == AuditVerification(verifiedCount: 3, firstBreak: nil))
    }

    @Test func wholeOrganisationFromCSVResolvesEvaluators() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let importer = OrganisationImporter(pool: pool)
        // A child unit before its parent, a superior post after its subordinate: order does not matter.
        let units = """
            kode_perangkat_daerah,nama_perangkat_daerah,kode_unit,nama_unit,kode_unit_induk
            DISDIK,Dinas Pendidikan,DISDIK.SD.KUR,Seksi Kurikulum,DISDIK.SD
            DISDIK,Dinas Pendidikan,DISDIK.SD,Bidang SD,
            """
        #expect(try run(importer, .units, units, tenant: tenant).issues == [])
        let jabatan = """
            kode_jabatan,nama_jabatan,jenis,jenjang,kode_unit,kode_jabatan_atasan
            J-STAF,Pengadministrasi Umum,pelaksana,,DISDIK.SD.KUR,J-KASI
            J-GURU,Guru Ahli Pertama,fungsional,ahli-pertama,DISDIK.SD.KUR,J-KASI
            J-KASI,Kepala Seksi Kurikulum,pengawas,,DISDIK.SD.KUR,J-KABID
            J-KABID,Kepala Bidang SD,administrator,,DISDIK.SD,
            """
        #expect(try run(importer, .jabatan, jabatan, tenant: tenant).issues == [])
        let employees = """
            nip,nama,jenis_pegawai
            197502021998031002,Kabid,PNS
            198001012005011001,Kasi,PNS
            199001012015012001,Staf,PNS
            """
        #expect(try run(importer, .employees, employees, tenant: tenant).issues == [])
        let assignments = """
            nip,kode_jabatan,jenis_penempatan,mulai,selesai
            197502021998031002,J-KABID,definitif,2020-01-01,
            198001012005011001,J-KASI,definitif,2020-01-01,2025-06-30
            199001012015012001,J-STAF,definitif,2020-01-01,
            """
        let report = try run(importer, .assignments, assignments, tenant: tenant)
        #expect((report.created, report.issues) == (3, []))
        let store = AssignmentStore(pool: pool)
        let staf = try #require(try EmployeeStore(pool: pool).employee(tenant: tenant, nip: NIP(storedDigits: "199001012015012001")))
        let kasi = try #require(try EmployeeStore(pool: pool).employee(tenant: tenant, nip: NIP(storedDigits: "198001012005011001")))
        #expect(try store.evaluator(tenant: tenant, of: staf.id, on: DinasFixture.day("2025-03-01")).evaluator?.employeeID == kasi.id)
        #expect(try store.evaluator(tenant: tenant, of: staf.id, on: DinasFixture.day("2025-07-01")).evaluator?.employeeID != kasi.id)

        // Cycles and overlaps are caught before anything is written.
        let bad = """
            nip,kode_jabatan,jenis_penempatan,mulai,selesai
            198001012005011001,J-KABID,definitif,2025-01-01,
            199001012015012001,J-GURU,definitif,2024-01-01,
            198001012005011001,J-KASI,definitif,2020-01-01,2025-12-31
            """
        let badReport = try run(importer, .assignments, bad, tenant: tenant)
        #expect(badReport.issues.map { "\($0.line):\($0.column ?? "-"):\($0.code)" } == [
            "2:kode_jabatan:jabatan_occupied", "2:mulai:overlapping_period", "3:mulai:overlapping_period", "4:selesai:history_immutable",
        ])
        let cyclic = """
            kode_jabatan,nama_jabatan,jenis,jenjang,kode_unit,kode_jabatan_atasan
            J-KABID,Kepala Bidang SD,administrator,,DISDIK.SD,J-STAF
            """
        #expect(try run(importer, .jabatan, cyclic, tenant: tenant).issues.map(\.code) == ["cycle"])
        #expect(try AuditLog(pool: pool).verify(tenant: tenant).isIntact)
    }

    @Test func limitsAndHeaderProblems() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let small = OrganisationImporter(pool: pool, limits: ImportLimits(maxBytes: 100, maxRows: 1))
        #expect(throws: ImportError.tooLarge(limit: 100)) {
            try run(small, .employees, String(repeating: "x", count: 101), tenant: tenant)
        }
        #expect(throws: ImportError.tooManyRows(limit: 1, found: 2)) {
            try run(small, .employees, "nip,nama,jenis_pegawai\na,b,c\nd,e,f\n", tenant: tenant)
        }
        let report = try run(OrganisationImporter(pool: pool), .employees, "nip,name,jenis_pegawai,nip\n", tenant: tenant)
        #expect(report.issues.map { "\($0.line):\($0.column ?? "-"):\($0.code)" } == ["1:nama:missing_column", "1:name:unknown_column", "1:nip:duplicate_column"])
        let syntax = try run(OrganisationImporter(pool: pool), .employees, "nip,nama,jenis_pegawai\n\"x,y,z\n", tenant: tenant)
        #expect(syntax.issues.map(\.code) == ["csv_unterminated_quote"])
    }

    /// Issue 3: 20,000 employees in under 30 seconds. Prints the figure; asserts no time.
    @Test func twentyThousandEmployees() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        var csv = "nip,nama,jenis_pegawai,status,dikelola_instansi_pembina,email\r\n"
        let start = CivilDate(iso: "1960-01-01") ?? CivilDate(daysSinceEpoch: 0)
        for i in 0..<20_000 {
            let birth = start.adding(days: i % 7_300)
            let digits = String(format: "%04d%02d%02d%04d%02d%d%03d", birth.year, birth.month, birth.day, 2000 + i % 20, i % 12 + 1,
                                i % 2 + 1, i % 999 + 1)
            csv += "\(digits),\"Pegawai \(i), S.Pd\",PNS,aktif,tidak,pegawai\(i)@example.go.id\r\n"
        }
        let clock = ContinuousClock()
        let begin = clock.now
        let report = try run(OrganisationImporter(pool: pool), .employees, csv, tenant: tenant)
        let elapsed = clock.now - begin
        #expect(report.issues == [])
        #expect(report.created == 20_000)
        print("IMPORT FIGURE: 20000 employees imported in \(elapsed) (\(csv.utf8.count) bytes, with audit entries)")
        let again = clock.now
        let second = try run(OrganisationImporter(pool: pool), .employees, csv, tenant: tenant)
        print("IMPORT FIGURE: re-import of 20000 unchanged employees in \(clock.now - again)")
        #expect(second.unchanged == 20_000)
    }
}
