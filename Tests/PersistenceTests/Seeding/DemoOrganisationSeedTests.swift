import Foundation
import Kinerja
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Persistence

@Suite(.requiresDatabase) struct DemoOrganisationSeedTests {
    /// A working day of the 2026 performance year.
    static let day2026 = CivilDate(iso: "2026-03-02") ?? CivilDate(daysSinceEpoch: 0)

    @Test func generatedOrganisationIsDeterministic() {
        let a = DemoOrganisation(regency: DemoRegency(slug: "karawang", hasCPNS: true))
        let b = DemoOrganisation(regency: DemoRegency(slug: "karawang", hasCPNS: true))
        #expect(a.employeesCSV == b.employeesCSV && a.assignmentsCSV == b.assignmentsCSV)
        #expect(a.employeesCSV != DemoOrganisation(regency: DemoRegency(slug: "demak")).employeesCSV)
        #expect((250...350).contains(a.people.count))
        #expect(a.people.contains { $0.type == .cpns } && a.people.contains { $0.type == .pppk })
        #expect(!DemoOrganisation(regency: DemoRegency(slug: "demak")).people.contains { $0.type == .cpns })
        #expect(a.people.filter { $0.status == .tugasBelajar }.count == 2)
        #expect(a.people.filter { $0.status == .cutiDiLuarTanggunganNegara }.count == 1)
        #expect(a.acting.map(\.jabatanCode) == [DemoOrganisation.actingPost])
        #expect(!a.people.contains { $0.jabatanCode == DemoOrganisation.vacantSection || $0.jabatanCode == DemoOrganisation.actingPost })
        #expect(Set(a.accounts.map(\.role)) == Set(DemoAccount.Role.allCases).subtracting([.centralAdmin]))
    }

    @Test func seedsOneRegencyWithEvaluatorsAndLoginsAndIsIdempotent() throws {
        // A fresh tenant of its own, so the test runs beside the others.
        let id = UUID()
        let hex = id.uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        let slug = "demo-" + hex.prefix(12)
        let owner = PostgresPool(configuration: .init(url: try PostgresTestDatabase.ownerURL(), maxConnections: 2), logger: .silent)
        defer { owner.close() }
        _ = try owner.withConnection { c in
            try c.query("""
                INSERT INTO tenants (id, slug, name, province, time_zone)
                VALUES (\(id), \(slug), \("Kabupaten Demo " + slug), \("Jawa Barat"), \("Asia/Jakarta"))
                """)
        }
        let hasher = PasswordHasher(iterations: 1_000)
        let central = "pusat-\(hex.prefix(12))@demo.kinerja.test"
        let step = DemoOrganisationSeed(regencies: [DemoRegency(slug: slug, hasCPNS: true)], centralAdmin: central, hasher: hasher)
        let first = try step.run(pool: owner, at: Date())
        #expect(first.count == 3, "\(first)")

        // Read back as the application role, under row-level security.
        let app = try PersistenceFixture.appPool()
        defer { app.close() }
        let employees = try app.transaction(tenant: id) { c in
            try c.query("SELECT id, nip FROM employees").map { try $0.decode((UUID, String).self) }
        }
        #expect((250...350).contains(employees.count))
        let snapshot = try AssignmentStore(pool: app).snapshot(tenant: id, on: Self.day2026)
        let resolver = PejabatPenilaiResolver(snapshot: snapshot)
        let unresolved = employees.filter { resolver.resolve($0.0, on: Self.day2026).evaluator == nil }
        // Only the Sekretaris Daerah, at the top, has no evaluator in the system.
        let organisation = DemoOrganisation(regency: DemoRegency(slug: slug, hasCPNS: true))
        let sekda = organisation.people.first { $0.jabatanCode == "SETDA-SEKDA" }?.nip
        #expect(unresolved.map(\.1) == [sekda].compactMap { $0 })

        let nipOf = Dictionary(organisation.people.map { ($0.jabatanCode, $0.nip) }, uniquingKeysWith: { a, _ in a })
        let idOf = Dictionary(employees.map { ($0.1, $0.0) }, uniquingKeysWith: { a, _ in a })
        func evaluatorNIP(ofStaffIn post: String) -> String? {
            guard let nip = nipOf[post], let employee = idOf[nip],
                  let evaluator = resolver.resolve(employee, on: Self.day2026).evaluator?.employeeID else { return nil }
            return employees.first { $0.0 == evaluator }?.1
        }
        // Vacant Pengawas post: its staff go to the Kepala Bidang above.
        #expect(evaluatorNIP(ofStaffIn: DemoOrganisation.vacantSection + "-PL") == nipOf["DINKES-B1"])
        // Plt Sekretaris evaluates the Kepala Subbagian under the vacant post.
        #expect(evaluatorNIP(ofStaffIn: "DISDIK-SEK-1") == nipOf[DemoOrganisation.actingHolderPost])

        // The demo evaluator evaluates about ten people.
        let evaluatorNIP = try #require(nipOf[DemoOrganisation.evaluatorPost])
        let evaluated = employees.filter { evaluatorNIP == evaluatorNIPOf($0.0, resolver, employees) }
        #expect(evaluated.count >= 10)

        // Every demo account logs in with its DEMO password.
        let identities = IdentityStore(pool: app, hasher: hasher)
        for account in step.accounts {
            let login = try #require(LoginName(account.login))
            let credential = account.role == .centralAdmin
                ? try identities.centralAdminCredential(email: login.text)
                : try identities.tenantCredential(tenantID: id, login: login)
            let hash = try #require(credential?.passwordHash, "\(account.login)")
            #expect(hasher.verify(account.password, against: hash).isMatch, "\(account.role)")
        }

        // A second run finds everything in place.
        #expect(try step.run(pool: owner, at: Date()) == [])
        let count = try app.transaction(tenant: id) { c in try c.query("SELECT count(*) FROM employees").first?.decode(Int.self, at: 0) }
        #expect(count == employees.count)
    }

    private func evaluatorNIPOf(_ employee: UUID, _ resolver: PejabatPenilaiResolver, _ employees: [(UUID, String)]) -> String? {
        guard let evaluator = resolver.resolve(employee, on: Self.day2026).evaluator?.employeeID else { return nil }
        return employees.first { $0.0 == evaluator }?.1
    }
}
