import Foundation
import Testing
@testable import Kinerja

@Suite("Rule-set parsing")
struct RuleSetParsingTests {
    @Test("each seeded rule set parses cleanly", arguments: SeededRuleSets.slugs)
    func seededRuleSetParses(slug: String) throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: slug)
        #expect(ruleSet.tenant == slug)
    }

    @Test("seeded settings match the regulations")
    func seededSettings() throws {
        let tanahLaut = try SeededRuleSets.ruleSet(for: "tanah-laut")
        #expect(tanahLaut.timeZone == "Asia/Makassar")
        #expect(tanahLaut.objection.filingWindow.days == 14)
        #expect(tanahLaut.objection.filingWindow.unit == .working)
        #expect(tanahLaut.objection.filingWindow.basis.article == "Pasal 35 huruf a")
        #expect(tanahLaut.objection.decisionWindow?.days == 7)

        let pasuruan = try SeededRuleSets.ruleSet(for: "pasuruan")
        #expect(pasuruan.evaluation.model == .weighted)
        #expect(pasuruan.evaluation.weights?.skp == 60)
        #expect(pasuruan.evaluation.weights?.perilaku == 40)
        #expect(pasuruan.skp.timeUnits.allowed == [.bulan])
        #expect(pasuruan.coverage.employeeTypes.map(\.type) == [.pns])
        #expect(pasuruan.assessment?.window.days == 2)
        #expect(pasuruan.behaviour.model == .fiveElements)

        let karawang = try SeededRuleSets.ruleSet(for: "karawang")
        #expect(karawang.coverage.employeeTypes.map(\.type) == [.pns, .pppk, .cpns])
        #expect(karawang.coverage.exemptStatuses.count == 4)

        let demak = try SeededRuleSets.ruleSet(for: "demak")
        #expect(demak.evaluation.distribution?.warnOnlyBelow == 10)
        #expect(demak.objection.decisionWindow == nil)
    }

    @Test("encoding and parsing round-trip", arguments: SeededRuleSets.slugs)
    func roundTrip(slug: String) throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: slug)
        let reparsed = try RuleSet.parse(try ruleSet.canonicalJSON())
        #expect(reparsed == ruleSet)
        let decoded = try JSONDecoder().decode(RuleSet.self, from: try ruleSet.canonicalJSON())
        #expect(decoded == ruleSet)
    }

    @Test("several errors in one document are all reported with their paths")
    func severalErrors() throws {
        let json = """
        {
          "formatVersion": 1,
          "tenant": "Tanah Laut",
          "name": "x",
          "timeZone": "Asia/Atlantis",
          "evaluation": {
            "model": "weighted",
            "basis": {"regulation": "Perbup"},
            "weights": {"skp": 120, "perilaku": "40", "basis": {"regulation": "Perbup"}},
            "formulas": {"standard": "perka-bkn-1-2013", "efficiencyThreshold": 24, "basis": {"regulation": "x"}},
            "rounding": {"scale": 2, "mode": "half-up"},
            "categories": {
              "bounds": [{"category": "baik", "min": 76}, {"category": "sangat-baik", "min": 91}],
              "poorBehaviourAtOrBelow": "cukup",
              "basis": {"regulation": "x"}
            }
          },
          "behaviour": {"model": "berakhlak", "basis": {"regulation": "x"}},
          "periodicEvaluation": {"cadence": "weekly", "basis": {"regulation": "x"}},
          "skp": {
            "deadline": {"endOfMonth": 13, "basis": {"regulation": "x"}},
            "timeUnits": {"allowed": ["bulan", "bulan", "dekade"], "basis": {"regulation": "x"}}
          },
          "coverage": {
            "employeeTypes": [{"type": "PNS", "from": "2024-02-30", "basis": {"regulation": "x"}}],
            "exemptStatuses": []
          },
          "objection": {"filingWindow": {"unit": "working", "basis": {"regulation": "x"}}},
          "assesment": {}
        }
        """
        let failure = #expect(throws: ValidationFailure.self) {
            try RuleSet.parse(Data(json.utf8))
        }
        let issues = try #require(failure).issues
        let found = Set(issues.map { "\($0.path) \($0.code.rawValue)" })
        let expected: Set<String> = [
            "$.assesment unknownKey",
            "$.tenant unknownValue",
            "$.timeZone unknownValue",
            "$.evaluation.weights.skp outOfRange",
            "$.evaluation.weights.perilaku wrongType",
            "$.evaluation.categories.bounds[1].category inconsistent",
            "$.evaluation.categories.bounds[1].min inconsistent",
            "$.behaviour.model inconsistent",
            "$.periodicEvaluation.cadence unknownValue",
            "$.skp.deadline.endOfMonth outOfRange",
            "$.skp.timeUnits.allowed[1] duplicate",
            "$.skp.timeUnits.allowed[2] unknownValue",
            "$.coverage.employeeTypes[0].from invalidDate",
            "$.objection.filingWindow.days required",
        ]
        #expect(found == expected)
        #expect(issues.count == expected.count)
        let skp = try #require(issues.first { $0.path == "$.evaluation.weights.skp" })
        #expect(skp.message == "harus di antara 0 dan 100 (sekarang 120)")
        let days = try #require(issues.first { $0.path == "$.objection.filingWindow.days" })
        #expect(days.description == "$.objection.filingWindow.days: wajib diisi")
    }

    @Test("weights must add up to 100")
    func weightsSum() throws {
        var object = try pasuruanObject()
        object = object.setting(["evaluation", "weights", "perilaku"], to: .number(30))
        let failure = #expect(throws: ValidationFailure.self) { try RuleSet.validate(object) }
        #expect(try #require(failure).issues == [ValidationIssue(
            path: "$.evaluation.weights", code: .inconsistent,
            message: "jumlah bobot skp dan perilaku harus 100 (sekarang 90)")])
    }

    @Test("a quadrant rule set must not carry weighted settings, and needs a distribution")
    func modelConsistency() throws {
        var object = try pasuruanObject()
        object = object.setting(["evaluation", "model"], to: .string("quadrant"))
        let failure = #expect(throws: ValidationFailure.self) { try RuleSet.validate(object) }
        let paths = try #require(failure).issues.map(\.path).sorted()
        #expect(paths == [
            "$.evaluation.categories", "$.evaluation.distribution", "$.evaluation.formulas",
            "$.evaluation.rounding", "$.evaluation.weights",
        ])
    }

    @Test("syntax errors and duplicate keys are reported, not guessed around", arguments: [
        ("{\"tenant\": ", "syntax"),
        ("{\"a\": 1, \"a\": 2}", "syntax"),
        ("[1, 2,]", "syntax"),
    ])
    func syntax(json: String, code: String) throws {
        let failure = #expect(throws: ValidationFailure.self) { try RuleSet.parse(Data(json.utf8)) }
        let issues = try #require(failure).issues
        #expect(issues.count == 1)
        #expect(issues.first?.code.rawValue == code)
        #expect(issues.first?.path == "$")
    }

    @Test("diff lists the changed JSON paths")
    func diff() throws {
        let tanahLaut = try SeededRuleSets.ruleSet(for: "tanah-laut")
        var edited = tanahLaut
        edited.objection.filingWindow.days = 10
        edited.periodicEvaluation.cadence = .quarterly
        edited.coverage.employeeTypes.removeLast()
        #expect(try tanahLaut.diff(edited) == [
            "$.coverage.employeeTypes[1]",
            "$.objection.filingWindow.days",
            "$.periodicEvaluation.cadence",
        ])
        #expect(try tanahLaut.diff(tanahLaut) == [])
    }

    private func pasuruanObject() throws -> JSONValue {
        try JSONParser.parse(try SeededRuleSets.data(for: "pasuruan"))
    }
}

extension JSONValue {
    /// A copy with the member at `keys` replaced (test helper).
    func setting(_ keys: [String], to newValue: JSONValue) -> JSONValue {
        guard let first = keys.first else { return newValue }
        guard case .object(var members) = self else { return self }
        members[first] = (members[first] ?? .object([:])).setting(Array(keys.dropFirst()), to: newValue)
        return .object(members)
    }
}

@Suite("Tenant time zones")
struct TenantTimeZoneTests {
    @Test("seeded zones resolve to WIB and WITA", arguments: [
        ("karawang", 7), ("pasuruan", 7), ("demak", 7), ("tanah-laut", 8),
    ])
    func zones(slug: String, hours: Int) throws {
        let zone = try SeededRuleSets.ruleSet(for: slug).resolvedTimeZone
        #expect(zone.secondsFromGMT(for: Date(timeIntervalSince1970: 1_736_000_000)) == hours * 3600)
    }
}
