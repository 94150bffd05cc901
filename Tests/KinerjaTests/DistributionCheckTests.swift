import Testing
@testable import Kinerja

@Suite("Distribution of predikat (SE MenPANRB 3/2023)")
struct DistributionCheckTests {
    private let settings = RuleSet.Distribution(
        scope: .perangkatDaerah, rounding: .floorMaxCeilMin, warnOnlyBelow: 10,
        basis: LegalBasis(regulation: "SE MenPANRB 3/2023"))

    private func counts(_ sb: Int, _ b: Int, _ bp: Int, _ k: Int, _ sk: Int) -> PredikatCounts {
        PredikatCounts(sangatBaik: sb, baik: b, butuhPerbaikan: bp, kurang: k, sangatKurang: sk)
    }

    /// Each case: achievement, counts (SB, B, BP, K, SK), expected violations as "code limit actual by".
    @Test("every rule, met and broken", arguments: [
        (CapaianKinerjaOrganisasi.istimewa, [7, 3, 0, 0, 0], [String]()),
        (.istimewa, [8, 2, 0, 0, 0], ["istimewa/sangat-baik/at-most-70-percent 7 8 1"]),
        (.baik, [2, 7, 1, 0, 0], []),
        (.baik, [2, 7, 0, 1, 0], []),
        (.baik, [1, 8, 1, 0, 0], ["baik/baik/at-most-70-percent 7 8 1"]),
        // At least one Butuh Perbaikan or Kurang: Sangat Kurang does not count.
        (.baik, [3, 6, 0, 0, 1], ["baik/butuh-perbaikan+kurang/at-least-1-person 1 0 1"]),
        (.baik, [2, 8, 0, 0, 0], ["baik/baik/at-most-70-percent 7 8 1",
                                  "baik/butuh-perbaikan+kurang/at-least-1-person 1 0 1"]),
        (.butuhPerbaikan, [1, 3, 6, 0, 0], []),
        (.butuhPerbaikan, [2, 3, 5, 0, 0], ["butuh-perbaikan/butuh-perbaikan/at-least-60-percent 6 5 1",
                                            "butuh-perbaikan/sangat-baik/at-most-10-percent 1 2 1"]),
        (.kurang, [1, 1, 1, 6, 1], []),
        (.kurang, [2, 3, 0, 5, 0], ["kurang/kurang/at-least-60-percent 6 5 1",
                                    "kurang/butuh-perbaikan/at-least-10-percent 1 0 1",
                                    "kurang/sangat-baik/at-most-10-percent 1 2 1"]),
        (.sangatKurang, [0, 3, 1, 0, 6], []),
        (.sangatKurang, [0, 4, 0, 0, 6], ["sangat-kurang/kurang+butuh-perbaikan/at-least-10-percent 1 0 1"]),
        (.sangatKurang, [1, 4, 0, 0, 5], ["sangat-kurang/sangat-kurang/at-least-60-percent 6 5 1",
                                          "sangat-kurang/kurang+butuh-perbaikan/at-least-10-percent 1 0 1",
                                          "sangat-kurang/sangat-baik/at-most-0-person 0 1 1"]),
    ])
    func rules(capaian: CapaianKinerjaOrganisasi, group: [Int], expected: [String]) {
        let result = DistributionCheck.check(
            capaian: capaian, counts: counts(group[0], group[1], group[2], group[3], group[4]), settings: settings)
        #expect(result.value.violations.map { "\($0.code) \($0.limit) \($0.actual) \($0.by)" } == expected)
        #expect(result.value.warnOnly == false)
        #expect(result.value.isBlocking == !expected.isEmpty)
        #expect(result.value.violations.allSatisfy { $0.severity == .blocking })
    }

    @Test("a small group only warns")
    func smallGroup() {
        // 5 people, Baik: at most floor(3.5) = 3 Baik, at least one Butuh Perbaikan or Kurang.
        let result = DistributionCheck.check(capaian: .baik, counts: counts(1, 4, 0, 0, 0), settings: settings)
        #expect(result.value.warnOnly)
        #expect(result.value.isBlocking == false)
        #expect(result.value.violations.map(\.severity) == [.warning, .warning])
        #expect(result.value.violations.map(\.by) == [1, 1])
        #expect(result.explanation.steps[1].text == "Kelompok 5 orang lebih kecil dari 10: pelanggaran hanya menjadi peringatan.")
        #expect(result.value.violations[0].message
                == "Aturan 'Baik paling banyak 70%' dilanggar: 4 orang, paling banyak 3 orang; kelebihan 1 orang.")
    }

    @Test("a group exactly at the threshold blocks")
    func thresholdGroup() {
        let result = DistributionCheck.check(capaian: .istimewa, counts: counts(8, 2, 0, 0, 0), settings: settings)
        #expect(result.value.groupSize == 10)
        #expect(result.value.isBlocking)
    }

    @Test("rounding: floor for maxima, ceil for minima, or nearest", arguments: [
        // rule index in the Kurang pattern, group size, rounding, expected limit
        (0, 13, RuleSet.DistributionRounding.floorMaxCeilMin, 8),   // 60% of 13 = 7.8 → ceil 8
        (1, 13, .floorMaxCeilMin, 2),                               // 10% of 13 = 1.3 → ceil 2
        (2, 13, .floorMaxCeilMin, 1),                               // 10% of 13 = 1.3 → floor 1
        (2, 9, .floorMaxCeilMin, 0),                                // 10% of 9 = 0.9 → floor 0
        (0, 13, .nearest, 8),                                       // 7.8 → 8
        (1, 13, .nearest, 1),                                       // 1.3 → 1
        (2, 15, .nearest, 2),                                       // 1.5 → 2
    ])
    func rounding(ruleIndex: Int, groupSize: Int, rounding: RuleSet.DistributionRounding, expected: Int) {
        let rule = DistributionPattern.rules(for: .kurang)[ruleIndex]
        #expect(rule.limit(groupSize: groupSize, rounding: rounding) == expected)
    }

    @Test("counting a list of predikat")
    func countsFromList() {
        let list: [Predikat] = [.baik, .baik, .sangatBaik, .kurang]
        #expect(PredikatCounts(list) == counts(1, 2, 0, 1, 0))
        #expect(PredikatCounts(list).total == 4)
    }
}
