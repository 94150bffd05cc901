import Foundation
import Kinerja
import Testing
@testable import Persistence

@Suite(.requiresDatabase) struct AssignmentStoreTests {
    @Test func overlapsAreRefused() throws {
        let f = try DinasFixture()
        defer { f.pool.close() }
        let a = DinasFixture.actor
        let budi = try f.employee("198001012005011001", "Budi")
        let ani = try f.employee("198202022006012002", "Ani")
        _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: budi.id, jabatanID: f.kasi.id, kind: .definitif,
                                     period: try DinasFixture.range("2024-01-01"))
        // A second definitive post for Budi on overlapping dates.
        do {
            _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: budi.id, jabatanID: f.pelaksana.id, kind: .definitif,
                                         period: try DinasFixture.range("2025-01-01", "2025-12-31"))
            Issue.record("overlap must be refused")
        } catch let error as OrganisationError { #expect(error.code == "overlapping_period") }
        // A second definitive Kepala Seksi.
        do {
            _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: ani.id, jabatanID: f.kasi.id, kind: .definitif,
                                         period: try DinasFixture.range("2025-01-01"))
            Issue.record("occupied post must be refused")
        } catch let error as OrganisationError { #expect(error.code == "jabatan_occupied") }
        // Many may hold a Pelaksana post, and an acting post may sit next to a definitive one.
        _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: ani.id, jabatanID: f.pelaksana.id, kind: .definitif,
                                     period: try DinasFixture.range("2024-01-01"))
        _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: ani.id, jabatanID: f.kabid.id, kind: .plt,
                                     period: try DinasFixture.range("2025-01-01"))
    }

    @Test func evaluatorHistoryStaysAnswerable() throws {
        let f = try DinasFixture()
        defer { f.pool.close() }
        let a = DinasFixture.actor
        let kadis = try f.employee("197001011995031001", "Kadis")
        let kabid = try f.employee("197502021998031002", "Kabid")
        let kasi = try f.employee("198001012005011001", "Kasi Lama")
        let plt = try f.employee("198505052010011005", "Plt Kasi")
        let staf = try f.employee("199001012015012001", "Staf")
        let delegate = try f.employee("198707072012011007", "Delegasi")
        for (e, j) in [(kadis, f.kadis), (kabid, f.kabid), (staf, f.pelaksana), (plt, f.pelaksana), (delegate, f.pelaksana)] {
            _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: e.id, jabatanID: j.id, kind: .definitif,
                                         period: try DinasFixture.range("2020-01-01"))
        }
        let kasiPost = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: kasi.id, jabatanID: f.kasi.id, kind: .definitif,
                                                period: try DinasFixture.range("2020-01-01"))
        let before = try f.assignments.evaluator(tenant: f.tenant, of: staf.id, on: DinasFixture.day("2025-03-01"))
        #expect(before.evaluator?.employeeID == kasi.id)
        #expect(before.evaluatorSuperior?.employeeID == kabid.id)
        #expect(try f.assignments.standing(tenant: f.tenant, of: staf.id, on: DinasFixture.day("2025-03-01"))
            == EmployeeStanding(perangkatDaerahID: f.pd.id, evaluatorID: kasi.id, evaluatorSuperiorID: kabid.id))

        // The Kepala Seksi leaves at the end of June: vacant in July, a Plt from August.
        _ = try f.assignments.end(tenant: f.tenant, actor: a, assignmentID: kasiPost.id, until: DinasFixture.day("2025-06-30"))
        _ = try f.assignments.assign(tenant: f.tenant, actor: a, employeeID: plt.id, jabatanID: f.kasi.id, kind: .plt,
                                     period: try DinasFixture.range("2025-08-01"))
        let override = try f.assignments.override(tenant: f.tenant, actor: a, employeeID: staf.id, evaluatorID: delegate.id,
                                                  period: try DinasFixture.range("2025-09-01", "2025-09-30"), reason: "Pendelegasian")

        let cases: [(String, UUID?, UUID?, String)] = [
            ("2025-03-01", kasi.id, kabid.id, "dijabat definitif oleh Kasi Lama"),  // history: unchanged by later changes
            ("2025-07-15", kabid.id, kadis.id, "kosong pada 2025-07-15 → atasan berikutnya"),
            ("2025-08-15", plt.id, kabid.id, "dijabat sebagai Plt oleh Plt Kasi"),
            ("2025-09-15", delegate.id, plt.id, "ditetapkan admin"),
            ("2025-10-01", plt.id, kabid.id, "Plt"),
        ]
        for (date, evaluator, superior, step) in cases {
            let r = try f.assignments.evaluator(tenant: f.tenant, of: staf.id, on: DinasFixture.day(date))
            #expect(r.evaluator?.employeeID == evaluator, "\(date)")
            #expect(r.evaluatorSuperior?.employeeID == superior, "\(date)")
            #expect(r.explanation.steps.contains { $0.text.contains(step) }, "\(date): \(r.explanation.steps.map(\.text))")
        }
        // Closed ranges cannot be rewritten.
        do {
            _ = try f.assignments.end(tenant: f.tenant, actor: a, assignmentID: kasiPost.id, until: DinasFixture.day("2025-12-31"))
            Issue.record("a closed assignment must not change")
        } catch let error as OrganisationError { #expect(error.code == "already_ended") }
        #expect(try f.assignments.overrides(tenant: f.tenant, employeeID: staf.id) == [override])
        #expect(try AuditLog(pool: f.pool).verify(tenant: f.tenant).isIntact)
    }
}
