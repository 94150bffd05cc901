import Foundation
import Testing
@testable import Kinerja

/// Issue 4 item 5: a draft rule set replayed over a period's evaluations says what would change.
@Suite struct RuleSetSimulationTests {
    let tenant = UUID()
    let agency = UUID()

    func rated(_ name: String, _ type: EmployeeType = .pns, hasil: Rating = .sesuaiEkspektasi,
               perilaku: Rating = .sesuaiEkspektasi, excluded: Bool = false) -> SimulationCase {
        SimulationCase(evaluationID: UUID(), employeeID: UUID(), employeeName: name, perangkatDaerahID: agency,
                       unitKerjaID: nil, coverage: CoverageQuestion(employeeType: type, on: day("2026-03-31")),
                       excludedNow: excluded,
                       ratings: excluded ? nil : .init(hasilKerja: hasil, perilakuKerja: perilaku),
                       scores: nil,
                       resultNow: excluded ? nil : PredikatQuadrant.predikat(hasilKerja: hasil, perilakuKerja: perilaku).rawValue)
    }

    @Test func theSameRulesChangeNothing() throws {
        let demak = try SeededRuleSets.ruleSet(for: "demak")
        let cases = (1...5).map { rated("Pegawai \($0)") }
        let report = RuleSetSimulation.run(cases, tenant: tenant, capaian: [agency: .baik], current: demak, draft: demak)
        #expect(report.evaluations == 5)
        #expect(report.changes.isEmpty)
        #expect(report.groupsWithOutcomeChanged == 0)
        // Five Baik under a Baik organisation break two rules, but a group of 5 < 10 only warns.
        let group = try #require(report.groups.first)
        #expect(group.after.violations.count == 2)
        #expect(group.after.isBlocking == false)
    }

    @Test func droppingPPPKFromCoverageAndShrinkingTheSmallGroupTurnsWarningsIntoABlock() throws {
        let demak = try SeededRuleSets.ruleSet(for: "demak")
        var draft = demak
        draft.coverage.employeeTypes.removeAll { $0.type == .pppk }
        draft.evaluation.distribution?.warnOnlyBelow = 2
        let cases = (1...4).map { rated("Pegawai \($0)") } + [rated("Pegawai PPPK", .pppk)]
        let report = RuleSetSimulation.run(cases, tenant: tenant, capaian: [agency: .baik], current: demak, draft: draft)
        #expect(report.coverageChanged == 1)
        #expect(report.changes.first?.employeeName == "Pegawai PPPK")
        #expect(report.changes.first?.before == "wajib" && report.changes.first?.after == "dikecualikan")
        let group = try #require(report.groups.first)
        #expect(group.before?.groupSize == 5 && group.before?.isBlocking == false)
        #expect(group.after.groupSize == 4 && group.after.isBlocking)
        #expect(group.outcomeChanged)
        #expect(report.groupsWithOutcomeChanged == 1)
    }

    @Test func anExemptionLiftedBringsTheEmployeeBack() throws {
        let karawang = try SeededRuleSets.ruleSet(for: "karawang")
        var draft = karawang
        draft.coverage.exemptStatuses.removeAll { $0.status == .tugasBelajar }
        var studying = rated("Pegawai Tugas Belajar", excluded: true)
        studying.coverage.statuses = [StatusPeriod(status: .tugasBelajar, from: day("2026-01-01"))]
        let report = RuleSetSimulation.run([studying], tenant: tenant, capaian: [:], current: karawang, draft: draft)
        #expect(report.coverageChanged == 1)
        #expect(report.changes.first?.after == "wajib")
    }

    @Test func reweightingTheWeightedModelChangesTheCategory() throws {
        let pasuruan = try SeededRuleSets.ruleSet(for: "pasuruan")
        var draft = pasuruan
        draft.evaluation.weights?.skp = 100
        draft.evaluation.weights?.perilaku = 0
        // kuantitas 100, kualitas 100, waktu 76 → nilai capaian 92; perilaku 82.5.
        // 60/40: 55.2 + 33 = 88.2 (Baik); 100/0: 92 (Sangat Baik, ≥ 91).
        let input = WeightedModelInput(
            jobKind: .pelaksana,
            activities: [WeightedActivity(name: "A", quantity: .init(target: 10, realisation: 10),
                                          quality: .init(target: 100, realisation: 100),
                                          time: .init(target: 12, realisation: 12))],
            perilaku: PerilakuKerjaScores(orientasiPelayanan: 80, komitmen: 85, inisiatifKerja: 75, kerjasama: 90))
        #expect(try WeightedModel.evaluate(input, ruleSet: pasuruan).value.kategori == .baik)
        let item = SimulationCase(evaluationID: UUID(), employeeID: UUID(), employeeName: "Pegawai Pasuruan",
                                  perangkatDaerahID: agency, unitKerjaID: nil,
                                  coverage: CoverageQuestion(employeeType: .pns, on: day("2026-12-31")), excludedNow: false,
                                  ratings: nil, scores: input, resultNow: "baik")
        let report = RuleSetSimulation.run([item], tenant: tenant, capaian: [:], current: pasuruan, draft: draft)
        #expect(report.resultsChanged == 1)
        #expect(report.changes.first?.before == "baik" && report.changes.first?.after == "sangat-baik")
        #expect(report.groups.isEmpty)
    }

    @Test func anotherModelCannotRescoreWhatWasEntered() throws {
        let demak = try SeededRuleSets.ruleSet(for: "demak")
        let pasuruan = try SeededRuleSets.ruleSet(for: "pasuruan")
        var unrated = rated("Belum Dinilai")
        unrated.ratings = nil
        unrated.resultNow = nil
        let report = RuleSetSimulation.run([rated("Sudah Dinilai"), unrated], tenant: tenant, capaian: [:],
                                           current: demak, draft: pasuruan)
        #expect(report.notComputable == 1)
        #expect(report.changes.map(\.employeeName) == ["Sudah Dinilai"])
    }

    @Test func aScopeChangeIsSaidNotCompared() throws {
        let demak = try SeededRuleSets.ruleSet(for: "demak")
        var draft = demak
        draft.evaluation.distribution?.scope = .unitKerja
        let report = RuleSetSimulation.run([rated("A")], tenant: tenant, capaian: [agency: .baik], current: demak, draft: draft)
        #expect(report.groups.isEmpty)
        #expect(report.notes.count == 1)
    }

    @Test func theListIsBoundedButTheCountsAreWhole() throws {
        let demak = try SeededRuleSets.ruleSet(for: "demak")
        var draft = demak
        draft.coverage.employeeTypes.removeAll { $0.type == .pppk }
        let cases = (1...7).map { rated("PPPK \($0)", .pppk) }
        let report = RuleSetSimulation.run(cases, tenant: tenant, capaian: [:], current: demak, draft: draft, listLimit: 3)
        #expect(report.coverageChanged == 7)
        #expect(report.changes.count == 3)
        #expect(report.changesOmitted == 4)
    }
}
