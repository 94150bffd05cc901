import Foundation
import Kinerja
import Testing
import TestSupport
@testable import Persistence

@Suite struct RulesCommandTests {
    @Test(arguments: [
        (["--tenant", "demak"], RulesCommand.EvalOptions(tenant: "demak", on: nil)),
        (["--on", "2025-03-20", "--tenant", "tanah-laut"],
         RulesCommand.EvalOptions(tenant: "tanah-laut", on: CivilDate(year: 2025, month: 3, day: 20))),
    ])
    func evalOptionsParse(arguments: [String], expected: RulesCommand.EvalOptions) throws {
        #expect(try RulesCommand.EvalOptions.parse(arguments).get() == expected)
    }

    @Test(arguments: [[], ["--tenant"], ["--tenant", "BAD"], ["--tenant", "demak", "--on", "2025-02-30"],
                      ["--tenant", "demak", "--verbose"]])
    func badUsageExitsTwo(arguments: [String]) {
        var errors: [String] = []
        let status = RulesCommand.run(arguments: ["eval"] + arguments, environment: [:], logger: .silent, now: Date(),
                                      input: { Data() }, output: { _ in }, errorOutput: { errors.append($0) })
        #expect(status == 2)
        #expect(errors.first?.contains("usage: kinerja rules eval") == true)
    }

    @Test func badCaseExitsOneWithEveryIssueAndPath() {
        var errors: [String] = []
        let input = Data(#"{"kind": "ratings", "hasilKerja": "luar-biasa", "extra": 1}"#.utf8)
        let status = RulesCommand.run(arguments: ["eval", "--tenant", "demak"], environment: [:], logger: .silent,
                                      now: Date(), input: { input }, output: { _ in },
                                      errorOutput: { errors.append($0) })
        #expect(status == 1)
        let text = errors.joined(separator: "\n")
        #expect(text.contains("$.hasilKerja:"))
        #expect(text.contains("$.perilakuKerja:"))
        #expect(text.contains("$.extra:"))
    }

    @Test func validateReportsEveryIssue() throws {
        var errors: [String] = []
        let input = Data(#"{"formatVersion": 2, "tenant": "Demak"}"#.utf8)
        let status = RulesCommand.run(arguments: ["validate", "-"], environment: [:], logger: .silent, now: Date(),
                                      input: { input }, output: { _ in }, errorOutput: { errors.append($0) })
        #expect(status == 1)
        #expect(errors.contains { $0.hasPrefix("  $.formatVersion:") })
        #expect(errors.contains { $0.hasPrefix("  $.tenant:") })
        #expect(errors.contains { $0.hasPrefix("  $.evaluation:") })

        var lines: [String] = []
        let seeded = try SeededRuleSets.data(for: "pasuruan")
        #expect(RulesCommand.run(arguments: ["validate", "-"], environment: [:], logger: .silent, now: Date(),
                                 input: { seeded }, output: { lines.append($0) }, errorOutput: { _ in }) == 0)
        #expect(lines == ["rules validate: - is valid (tenant pasuruan, model weighted)"])
    }

    /// The CLI reads the rule set and holidays from the database and answers as the pure engine does.
    @Test(.requiresDatabase)
    func evalAnswersFromTheDatabase() throws {
        try RuleSetFixture.seed()
        let url = try #require(TestEnvironment.databaseURL)
        let input = Data(#"{"kind": "deadline", "window": "objection-filing", "from": "2025-03-20"}"#.utf8)
        var lines: [String] = []
        var errors: [String] = []
        let status = RulesCommand.run(arguments: ["eval", "--tenant", "tanah-laut", "--on", "2025-03-20"],
                                      environment: ["KINERJA_DATABASE_URL": url], logger: .silent, now: Date(),
                                      input: { input }, output: { lines.append($0) }, errorOutput: { errors.append($0) })
        #expect(status == 0, "\(errors)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(lines.joined().utf8)) as? [String: Any])
        #expect(report["tenant"] as? String == "tanah-laut")
        let outcome = try #require(report["outcome"] as? [String: Any])
        let result = try #require(outcome["result"] as? [String: Any])

        let expected = RuleEvaluator.evaluate(try RuleCase.parse(input), ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut"),
                                              holidays: NationalHolidays.seeded)
        guard case .deadline(let deadline) = expected else { Issue.record("\(expected)"); return }
        #expect(result["due"] as? String == deadline.value.due.description)
        #expect(outcome["explanation"] != nil)

        // No rule set in force before the seeded one starts.
        let early = RulesCommand.run(arguments: ["eval", "--tenant", "karawang", "--on", "2024-08-06"],
                                     environment: ["KINERJA_DATABASE_URL": url], logger: .silent, now: Date(),
                                     input: { input }, output: { _ in }, errorOutput: { errors.append($0) })
        #expect(early == 1)
        #expect(errors.last?.contains("no published rule set in force on 2024-08-06") == true)
    }
}
