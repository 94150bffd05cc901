import Foundation
import Testing
@testable import Kinerja

@Suite("Weighted model (Perbup Pasuruan 117/2019, PerKa BKN 1/2013)")
struct WeightedModelTests {
    private func pasuruan() throws -> RuleSet { try SeededRuleSets.ruleSet(for: "pasuruan") }

    private func scoring() throws -> ActivityScoring {
        let evaluation = try pasuruan().evaluation
        return ActivityScoring(formulas: try #require(evaluation.formulas), rounding: try #require(evaluation.rounding))
    }

    @Test("time efficiency branches", arguments: [
        ("12", "12", "0", ActivityScoring.EfficiencyBranch.normal, "76"),          // on time
        ("12", "10", "16.666666666666666666666666666666666667", .normal, "92.67"),  // early, efficiency < 24%
        ("25", "19", "24", .normal, "100"),                                          // exactly 24%: still normal
        ("25", "18", "28", .efficient, "72"),                                        // early, efficiency > 24%
        ("12", "8", "33.333333333333333333333333333333333334", .efficient, "66.67"), // much earlier
        ("12", "14", "-16.666666666666666666666666666666666667", .normal, "59.33"),  // late
    ])
    func timeBranches(target: String, realisation: String, efficiency: String,
                      branch: ActivityScoring.EfficiencyBranch, score: String) throws {
        let result = try scoring().efficiencyScore(TargetRealisation(target: dec(target), realisation: dec(realisation)))
        #expect(result.branch == branch)
        #expect(result.score == dec(score))
        #expect(result.efficiency.rounded(scale: 6, mode: .plain) == dec(efficiency).rounded(scale: 6, mode: .plain))
    }

    @Test("activity scores", arguments: [
        // name, TO RO, TK RK, TW RW, TB RB (nil: no cost) → kuantitas, kualitas, waktu, biaya, nilai capaian
        ("tepat waktu", "10", "10", "100", "90", "12", "12", nil, nil, "100", "90", "76", nil, "88.67"),
        ("tepat waktu, biaya sesuai", "10", "10", "100", "90", "12", "12", "100", "100", "100", "90", "76", "76", "85.5"),
        ("biaya hemat 20%", "10", "10", "100", "90", "12", "12", "100", "80", "100", "90", "76", "96", "90.5"),
        ("biaya hemat 30%", "10", "10", "100", "90", "12", "12", "100", "70", "100", "90", "76", "70", "84"),
        ("lebih cepat < 24%", "10", "12", "100", "100", "12", "10", nil, nil, "120", "100", "92.67", nil, "104.22"),
        ("lebih cepat > 24%", "10", "10", "100", "100", "12", "8", nil, nil, "100", "100", "66.67", nil, "88.89"),
        ("terlambat", "10", "8", "100", "80", "12", "14", nil, nil, "80", "80", "59.33", nil, "73.11"),
        ("tidak dilaksanakan", "10", "0", "100", "0", "12", "12", nil, nil, "0", "0", "0", nil, "0"),
        ("tidak dilaksanakan, dengan biaya", "10", "0", "100", "0", "12", "0", "100", "0", "0", "0", "0", "0", "0"),
    ] as [(String, String, String, String, String, String, String, String?, String?,
           String, String, String, String?, String)])
    func activity(name: String, to: String, ro: String, tk: String, rk: String, tw: String, rw: String,
                  tb: String?, rb: String?, kuantitas: String, kualitas: String, waktu: String, biaya: String?,
                  capaian: String) throws {
        let cost = tb.map { TargetRealisation(target: dec($0), realisation: dec(rb ?? "0")) }
        let activity = WeightedActivity(
            name: name, quantity: .init(target: dec(to), realisation: dec(ro)),
            quality: .init(target: dec(tk), realisation: dec(rk)),
            time: .init(target: dec(tw), realisation: dec(rw)), cost: cost)
        let result = try scoring().score(activity)
        #expect(result.value.kuantitas == dec(kuantitas))
        #expect(result.value.kualitas == dec(kualitas))
        #expect(result.value.waktu == dec(waktu))
        #expect(result.value.biaya == biaya.map(dec))
        #expect(result.value.nilaiCapaian == dec(capaian))
        #expect(result.explanation.steps.allSatisfy { $0.basis?.regulation == "PerKa BKN 1/2013" })
    }

    @Test("a whole SKP: 60% SKP + 40% perilaku")
    func wholeSKP() throws {
        let input = WeightedModelInput(
            jobKind: .pelaksana,
            activities: [
                WeightedActivity(name: "A", quantity: .init(target: 10, realisation: 10),
                                 quality: .init(target: 100, realisation: 90), time: .init(target: 12, realisation: 12)),
                WeightedActivity(name: "B", quantity: .init(target: 10, realisation: 10),
                                 quality: .init(target: 100, realisation: 90), time: .init(target: 12, realisation: 12),
                                 cost: .init(target: 100, realisation: 100)),
            ],
            perilaku: PerilakuKerjaScores(orientasiPelayanan: 80, komitmen: 85, inisiatifKerja: 75, kerjasama: 90))
        let result = try WeightedModel.evaluate(input, ruleSet: try pasuruan())
        #expect(result.value.nilaiSKP == dec("87.09"))        // (88.67 + 85.5) / 2 = 87.085 → 87.09
        #expect(result.value.nilaiPerilaku == dec("82.5"))
        #expect(result.value.nilaiPrestasiKerja == dec("85.25")) // 52.254 + 33 = 85.254 → 85.25
        #expect(result.value.kategori == .baik)
        #expect(result.value.perilakuKurang == false)
        let weightStep = try #require(result.explanation.steps.first { $0.text.hasPrefix("Nilai prestasi kerja") })
        #expect(weightStep.basis == LegalBasis(regulation: "Perbup Pasuruan 117/2019", article: "Pasal 13 ayat (2)"))
        #expect(weightStep.figures.contains(.init("sebelumPembulatan", "85.254")))
    }

    @Test("kepemimpinan counts only for posts rated on it", arguments: [
        (JobKind.pengawas, false, "70", "80"),       // (80 + 85 + 75 + 90 + 70) / 5
        (.fungsional, true, "70", "80"),
        (.pelaksana, false, nil, "82.5"),
        (.fungsional, false, nil, "82.5"),
    ] as [(JobKind, Bool, String?, String)])
    func leadership(jobKind: JobKind, needsLeadership: Bool, kepemimpinan: String?, expected: String) throws {
        let input = WeightedModelInput(
            jobKind: jobKind, fungsionalNeedsLeadership: needsLeadership, activities: [],
            perilaku: PerilakuKerjaScores(orientasiPelayanan: 80, komitmen: 85, inisiatifKerja: 75, kerjasama: 90,
                                          kepemimpinan: kepemimpinan.map(dec)))
        let evaluation = try pasuruan()
        let score = try WeightedModel.behaviourScore(input, behaviour: evaluation.behaviour,
                                                     rounding: try #require(evaluation.evaluation.rounding))
        #expect(score.value == dec(expected))
    }

    @Test("invalid inputs are typed errors")
    func errors() throws {
        let ruleSet = try pasuruan()
        let scores = PerilakuKerjaScores(orientasiPelayanan: 80, komitmen: 80, inisiatifKerja: 80, kerjasama: 80)
        let activity = WeightedActivity(name: "A", quantity: .init(target: 0, realisation: 1),
                                        quality: .init(target: 100, realisation: 90), time: .init(target: 12, realisation: 12))
        #expect(throws: WeightedModelError.noActivities) {
            try WeightedModel.evaluate(WeightedModelInput(jobKind: .pelaksana, activities: [], perilaku: scores),
                                       ruleSet: ruleSet)
        }
        #expect(throws: WeightedModelError.targetNotPositive(activity: "A", aspect: "kuantitas")) {
            try WeightedModel.evaluate(WeightedModelInput(jobKind: .pelaksana, activities: [activity], perilaku: scores),
                                       ruleSet: ruleSet)
        }
        var fixed = activity
        fixed.quantity.target = 1
        #expect(throws: WeightedModelError.missingKepemimpinan) {
            try WeightedModel.evaluate(WeightedModelInput(jobKind: .jpt, activities: [fixed], perilaku: scores),
                                       ruleSet: ruleSet)
        }
        #expect(throws: WeightedModelError.notWeightedModel) {
            try WeightedModel.evaluate(WeightedModelInput(jobKind: .pelaksana, activities: [fixed], perilaku: scores),
                                       ruleSet: try SeededRuleSets.ruleSet(for: "demak"))
        }
    }

    @Test("behaviour at Cukup or below is judged poor", arguments: [("75", true), ("76", false), ("50", true)])
    func poorBehaviour(score: String, poor: Bool) throws {
        let value = dec(score)
        let input = WeightedModelInput(
            jobKind: .pelaksana,
            activities: [WeightedActivity(name: "A", quantity: .init(target: 1, realisation: 1),
                                          quality: .init(target: 100, realisation: 100),
                                          time: .init(target: 12, realisation: 12))],
            perilaku: PerilakuKerjaScores(orientasiPelayanan: value, komitmen: value, inisiatifKerja: value,
                                          kerjasama: value))
        #expect(try WeightedModel.evaluate(input, ruleSet: try pasuruan()).value.perilakuKurang == poor)
    }

    @Test("category boundaries: just below, at and just above each", arguments: [
        ("100", WeightedCategory.sangatBaik), ("91.01", .sangatBaik), ("91", .sangatBaik), ("90.99", .baik),
        ("76.01", .baik), ("76", .baik), ("75.99", .cukup),
        ("61.01", .cukup), ("61", .cukup), ("60.99", .kurang),
        ("51.01", .kurang), ("51", .kurang), ("50.99", .buruk), ("50", .buruk), ("0", .buruk),
    ])
    func categories(score: String, expected: WeightedCategory) throws {
        let categories = try #require(try pasuruan().evaluation.categories)
        #expect(categories.category(of: dec(score)) == expected)
    }
}
