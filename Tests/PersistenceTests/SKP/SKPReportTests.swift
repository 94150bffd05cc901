import Foundation
import Kinerja
import Postgres
import Testing
import TestSupport
@testable import Persistence

/// Reports: missing or late SKP against the rule set's deadline (exemptions counted apart, with
/// reasons), the RHK cascade, and an evaluator's paginated queue.
@Suite(.requiresDatabase) struct SKPReportTests {
    let january = Date(timeIntervalSince1970: 1_767_600_000)   // 2026-01-05
    let february = Date(timeIntervalSince1970: 1_770_500_000)  // 2026-02-07

    @Test func missingReportCountsOnlyObligedEmployees() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant, staff: 4)
        let ruleSet = try SeededRuleSets.ruleSet(for: "pasuruan")  // PNS only; deadline end of January (Pasal 9 ayat (1))
        let pppk = try org.addEmployee(pool, name: "Staf PPPK", type: "PPPK", status: "aktif")
        let study = try org.addEmployee(pool, name: "Staf Tugas Belajar", type: "PNS", status: "tugas-belajar")
        let store = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)

        func approve(_ employee: UUID, at date: Date) throws {
            let skp = try store.create(tenant: tenant, org.newSKP(employee: employee, evaluator: org.pengawas, ruleSet: ruleSet),
                                       by: employee, at: date)
            _ = try store.updateContent(tenant: tenant, id: skp.id, content: SKPTestOrganisation.content(ruleSet: ruleSet),
                                        by: employee, ruleSet: ruleSet, at: date)
            _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: date)
            _ = try store.perform(.review, tenant: tenant, id: skp.id, by: UUID(), pengelolaOf: [org.perangkatDaerah],
                                  ruleSet: ruleSet, at: date)
            _ = try store.perform(.approve, tenant: tenant, id: skp.id, by: org.pengawas, ruleSet: ruleSet, at: date)
        }
        try approve(org.staff[0], at: january)
        try approve(org.staff[1], at: february)
        _ = try store.create(tenant: tenant, org.newSKP(employee: org.staff[2], evaluator: org.pengawas, ruleSet: ruleSet),
                             by: org.staff[2], at: january)

        let report = try #require(try store.missingReport(tenant: tenant, year: 2026, perangkatDaerah: org.perangkatDaerah,
                                                         ruleSet: ruleSet, asOf: day("2026-02-10")))
        #expect(report.deadline == day("2026-01-31") && report.deadlineBasis == "Perbup Pasuruan 117/2019 Pasal 9 ayat (1)")
        // Head, pengawas and four staff are PNS and obliged; the PPPK and the one on study assignment are not counted.
        #expect(report.obliged == 6 && report.onTime == 1 && report.excluded == 2)
        let findings = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.employeeID, $0.finding) })
        #expect(findings[org.staff[1]] == .approvedLate)
        #expect(findings[org.staff[2]] == .notApproved)
        #expect(findings[org.staff[3]] == .missing && findings[org.head] == .missing && findings[org.pengawas] == .missing)
        #expect(findings[pppk] == nil && findings[study] == nil)
        #expect(report.exclusions.map(\.code) == ["exempt-status", "type-not-covered"])
        #expect(report.exclusions.allSatisfy { $0.count == 1 })

        // Before the deadline, a draft is not yet late.
        let early = try #require(try store.missingReport(tenant: tenant, year: 2026, perangkatDaerah: nil, ruleSet: ruleSet,
                                                        asOf: day("2026-01-20")))
        #expect(!early.entries.contains { $0.employeeID == org.staff[2] })
    }

    @Test func linkageReportFindsGapsInTheCascade() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant, staff: 2)
        let ruleSet = try SeededRuleSets.ruleSet(for: "karawang")
        let store = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)
        func plan(_ employee: UUID, evaluator: UUID, rhk: [RHK]) throws {
            let skp = try store.create(tenant: tenant, org.newSKP(employee: employee, evaluator: evaluator, ruleSet: ruleSet),
                                       by: employee, at: january)
            var content = SKPContent.empty(for: ruleSet)
            content.rhk = rhk
            _ = try store.updateContent(tenant: tenant, id: skp.id, content: content, by: employee, ruleSet: ruleSet, at: january)
        }
        let served = UUID(), lonely = UUID(), linked = UUID(), orphan = UUID(), dangling = UUID()
        try plan(org.pengawas, evaluator: org.head, rhk: [
            RHK(id: served, kind: .utama, text: "Sasaran seksi 1", serves: .perjanjianKinerja("PK 2026"), iki: []),
            RHK(id: lonely, kind: .utama, text: "Sasaran seksi 2", serves: .perjanjianKinerja("PK 2026"), iki: []),
        ])
        try plan(org.staff[0], evaluator: org.pengawas, rhk: [
            RHK(id: linked, kind: .utama, text: "Laporan 1", serves: .superiorRHK(served), iki: []),
            RHK(id: orphan, kind: .tambahan, text: "Tugas tambahan", serves: nil, iki: []),
        ])
        try plan(org.staff[1], evaluator: org.pengawas, rhk: [
            RHK(id: dangling, kind: .utama, text: "Laporan 2", serves: .superiorRHK(UUID()), iki: []),
        ])
        let report = try store.linkageReport(tenant: tenant, year: 2026, perangkatDaerah: nil)
        #expect(report.withoutSubordinates.map(\.rhkID) == [lonely])
        #expect(Set(report.unlinked.map { "\($0.rhkID) \($0.reason)" }) == ["\(orphan) unlinked", "\(dangling) dangling"])
    }

    @Test func evaluatorQueueIsPaginated() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant, staff: 30)
        let ruleSet = try SeededRuleSets.ruleSet(for: "demak")
        let store = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)
        var submitted: Set<UUID> = []
        for (index, employee) in org.staff.enumerated() {
            let skp = try store.create(tenant: tenant, org.newSKP(employee: employee, evaluator: org.pengawas, ruleSet: ruleSet),
                                       by: employee, at: january)
            guard index % 3 != 0 else { continue }  // every third stays a draft
            _ = try store.updateContent(tenant: tenant, id: skp.id, content: SKPTestOrganisation.content(ruleSet: ruleSet),
                                        by: employee, ruleSet: ruleSet, at: january)
            _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: january)
            submitted.insert(skp.id)
        }
        var seen: [UUID] = []
        var after: UUID?
        var pages = 0
        repeat {
            let page = try store.queue(tenant: tenant, for: org.pengawas, status: .submitted, after: after, limit: 7)
            seen += page.items.map(\.id)
            after = page.nextAfter
            pages += 1
        } while after != nil && pages < 10
        #expect(seen.count == 20 && Set(seen) == submitted && pages == 3)
        #expect(try store.queue(tenant: tenant, for: org.head, status: .submitted, after: nil, limit: 50).items.isEmpty)
    }
}
