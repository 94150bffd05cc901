import Foundation
import Testing
@testable import Kinerja

@Suite("Evaluation rater")
struct EvaluationRaterTests {
    @Test("the quadrant model gives the predikat with the tenant's citation", arguments: [
        (Rating.diAtasEkspektasi, Rating.diAtasEkspektasi, false, "sangat-baik"),
        (.sesuaiEkspektasi, .sesuaiEkspektasi, false, "baik"),
        (.diBawahEkspektasi, .sesuaiEkspektasi, true, "butuh-perbaikan"),
        (.sesuaiEkspektasi, .diBawahEkspektasi, false, "kurang"),
        (.diBawahEkspektasi, .diBawahEkspektasi, false, "sangat-kurang"),
    ] as [(Rating, Rating, Bool, String)])
    func quadrant(hasil: Rating, perilaku: Rating, leads: Bool, predikat: String) throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: "karawang")
        let outcome = try EvaluationRater.outcome(
            of: EvaluationRating(quadrant: .init(hasilKerja: hasil, perilakuKerja: perilaku, leadsUnit: leads)), ruleSet: ruleSet)
        #expect(outcome.predikat == predikat)
        #expect(outcome.nilai == nil)
        #expect(outcome.explanation.steps.contains { $0.basis == ruleSet.evaluation.basis })
        #expect(outcome.explanation.steps.contains { $0.text.contains("memimpin unit") } == leads)
    }

    static let scores = WeightedModelInput(
        jobKind: .pelaksana,
        activities: [WeightedActivity(name: "Laporan", quantity: .init(target: 10, realisation: 10),
                                      quality: .init(target: 100, realisation: 100), time: .init(target: 12, realisation: 12))],
        perilaku: PerilakuKerjaScores(orientasiPelayanan: 80, komitmen: 80, inisiatifKerja: 80, kerjasama: 80))

    @Test("the weighted model gives nilai and category: (100 + 100 + 76) / 3 = 92; 60% × 92 + 40% × 80 = 87.2, Baik")
    func weighted() throws {
        let outcome = try EvaluationRater.outcome(of: EvaluationRating(scores: Self.scores), ruleSet: try SeededRuleSets.ruleSet(for: "pasuruan"))
        #expect(outcome.predikat == "baik")
        #expect(outcome.nilai == dec("87.2"))
        #expect(outcome.weighted?.nilaiSKP == dec("92"))
    }

    @Test("a rating of the other model, or none, is refused naming the tenant's model", arguments: [
        ("karawang", EvaluationRating(scores: EvaluationRaterTests.scores), RuleSet.EvaluationModel.quadrant),
        ("karawang", EvaluationRating(), .quadrant),
        ("pasuruan", EvaluationRating(quadrant: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi)), .weighted),
        ("pasuruan", EvaluationRating(quadrant: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi),
                                      scores: EvaluationRaterTests.scores), .weighted),
    ] as [(String, EvaluationRating, RuleSet.EvaluationModel)])
    func wrongModel(tenant: String, rating: EvaluationRating, expected: RuleSet.EvaluationModel) throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: tenant)
        #expect(throws: EvaluationRefusal.wrongModel(expected: expected, basis: ruleSet.evaluation.basis)) {
            try EvaluationRater.outcome(of: rating, ruleSet: ruleSet)
        }
    }

    @Test("scores the weighted model cannot use are refused with their reason and article: kepemimpinan for a Pelaksana, the behaviour rule's")
    func invalidScores() throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: "pasuruan")
        var scores = Self.scores
        scores.perilaku.kepemimpinan = 90
        do {
            _ = try EvaluationRater.outcome(of: EvaluationRating(scores: scores), ruleSet: ruleSet)
            Issue.record("expected a refusal")
        } catch {
            // Perbup Pasuruan 117/2019 Pasal 12 ayat (3) says who is rated on kepemimpinan; Pasal 13 ayat (2) is the 60/40 weights.
            #expect(error == .invalidScores(.kepemimpinanNotApplicable(jobKind: .pelaksana), basis: ruleSet.behaviour.basis))
            #expect(error.code == "evaluation-invalid-scores")
            #expect(error.basis?.regulation == "Perbup Pasuruan 117/2019" && error.basis?.article == "Pasal 12 ayat (2) dan ayat (3)")
        }
    }

    @Test("every refusal has a code, a rule and, where a rule refuses, an article")
    func refusalsNameTheirRule() {
        let reason = CoverageDecision.Reason(code: .exemptStatus, message: "tugas belajar",
                                             basis: LegalBasis(regulation: "Perbup Karawang 28/2024"))
        let refusals: [EvaluationRefusal] = [.notEvaluator, .notEmployee, .excluded(reasons: [reason]), .final, .notFinal,
                                             .alreadySubmitted, .groupFinalised, .capaianRequired, .unrated(count: 3, names: ["A", "B"])]
        for refusal in refusals {
            #expect(!refusal.code.isEmpty && !refusal.rule.isEmpty && !refusal.message.isEmpty)
            #expect(refusal.basis != nil)
        }
        #expect(EvaluationRefusal.excluded(reasons: [reason]).basis?.regulation == "Perbup Karawang 28/2024")
        #expect(EvaluationRefusal.unrated(count: 3, names: ["A", "B"]).message == "3 pegawai wajib belum dinilai: A, B, ….")
    }

    @Test("the group follows the distribution scope; the weighted model groups by perangkat daerah", arguments: [
        ("karawang", RuleSet.DistributionScope.perangkatDaerah), ("pasuruan", .perangkatDaerah),
    ])
    func grouping(tenant: String, scope: RuleSet.DistributionScope) throws {
        #expect(EvaluationGrouping(ruleSet: try SeededRuleSets.ruleSet(for: tenant)).scope == scope)
        let ids = (tenant: UUID(), pd: UUID(), unit: UUID())
        #expect(EvaluationGrouping(ruleSet: try SeededRuleSets.ruleSet(for: tenant))
            .groupID(tenant: ids.tenant, perangkatDaerah: ids.pd, unitKerja: ids.unit) == ids.pd)
    }

    @Test("coverage tallies count people and reasons, and merge")
    func tally() {
        let basis = LegalBasis(regulation: "Perbup Karawang 28/2024")
        var tally = CoverageTally()
        tally.add(CoverageDecision(obliged: true, reasons: []))
        tally.add(CoverageDecision(obliged: false, reasons: [.init(code: .exemptStatus, message: "", basis: basis)]))
        tally.add(obliged: false, reasons: [.init(code: .typeNotCovered, message: "", basis: nil),
                                            .init(code: .exemptStatus, message: "", basis: basis)], people: 2)
        #expect(tally.total == 4 && tally.obliged == 1 && tally.excluded == 3)
        #expect(tally.reasons.map { "\($0.code)=\($0.count)" } == ["exempt-status=3", "type-not-covered=2"])
        var merged = CoverageTally()
        merged.merge(tally)
        merged.merge(tally)
        #expect(merged.total == 8 && merged.excluded == 6 && merged.reasons.first?.count == 6)
    }
}
