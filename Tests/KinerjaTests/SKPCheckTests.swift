import Foundation
import Testing
@testable import Kinerja

@Suite("SKP checks and evaluation periods")
struct SKPCheckTests {
    @Test("time units of SKP targets", arguments: [
        ("pasuruan", SKPTimeUnit.bulan, true), ("pasuruan", .hari, false), ("pasuruan", .tahun, false),
        ("pasuruan", .menit, false), ("tanah-laut", .hari, true), ("tanah-laut", .jam, false),
    ])
    func timeUnits(tenant: String, unit: SKPTimeUnit, allowed: Bool) throws {
        let result = SKPCheck.isTimeUnitAllowed(unit, ruleSet: try SeededRuleSets.ruleSet(for: tenant))
        #expect(result.value == allowed)
    }

    @Test("Pasuruan's refusal cites Pasal 10 huruf c")
    func citation() throws {
        let result = SKPCheck.isTimeUnitAllowed(.minggu, ruleSet: try SeededRuleSets.ruleSet(for: "pasuruan"))
        #expect(result.explanation.steps.first?.basis?.article == "Pasal 10 huruf c")
        #expect(result.explanation.steps.first?.text
                == "Satuan waktu 'minggu' tidak diperbolehkan; SKP ditolak. Satuan yang sah: bulan.")
    }

    @Test("SKP deadline is the end of January")
    func deadline() throws {
        let result = try #require(SKPCheck.deadline(forYear: 2026, ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut")))
        #expect(result.value == day("2026-01-31"))
        #expect(result.explanation.steps.first?.basis?.article == "Pasal 13 ayat (1)")
    }

    @Test("periods by cadence", arguments: [
        ("2025-02-14", RuleSet.Cadence.monthly, "2025-02-01", "2025-02-28"),
        ("2024-02-14", .monthly, "2024-02-01", "2024-02-29"),
        ("2025-05-31", .quarterly, "2025-04-01", "2025-06-30"),
        ("2025-12-31", .quarterly, "2025-10-01", "2025-12-31"),
        ("2025-07-01", .semiannual, "2025-07-01", "2025-12-31"),
        ("2025-03-03", .annual, "2025-01-01", "2025-12-31"),
    ])
    func periods(date: String, cadence: RuleSet.Cadence, start: String, end: String) {
        let period = EvaluationPeriod(containing: day(date), cadence: cadence)
        #expect(period.start == day(start))
        #expect(period.end == day(end))
    }

    @Test("the next period crosses the year")
    func next() {
        let period = EvaluationPeriod(containing: day("2025-12-10"), cadence: .quarterly).next
        #expect(period.start == day("2026-01-01"))
        #expect(period.end == day("2026-03-31"))
    }

    @Test("a rule case decodes through JSONDecoder with validation")
    func decodable() throws {
        let decoded = try JSONDecoder().decode(RuleCase.self, from: Data(
            #"{"kind": "credit-points", "predikat": "baik", "jenjang": "ahli-muda", "months": 6}"#.utf8))
        #expect(decoded == .creditPoints(predikat: .baik, jenjang: .ahliMuda, months: 6))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(RuleCase.self, from: Data(#"{"kind": "credit-points", "months": 13}"#.utf8))
        }
    }
}
