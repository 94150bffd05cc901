import Foundation
import Testing
@testable import Kinerja

@Suite("Rule cases for `kinerja rules eval`")
struct RuleEvaluatorTests {
    private func evaluate(_ json: String, tenant: String) throws -> RuleOutcome {
        let ruleCase = try RuleCase.parse(Data(json.utf8))
        return RuleEvaluator.evaluate(ruleCase, ruleSet: try SeededRuleSets.ruleSet(for: tenant),
                                      holidays: NationalHolidays.seeded)
    }

    /// The outcome encoded and read back as a JSON tree, as the CLI would print it.
    private func encoded(_ outcome: RuleOutcome) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONParser.parse(try encoder.encode(outcome))
    }

    private func member(_ value: JSONValue, _ keys: String...) -> JSONValue? {
        keys.reduce(Optional(value)) { current, key in
            guard case .object(let members)? = current else { return nil }
            return members[key]
        }
    }

    @Test("one case per tenant, outcome encoded with its explanation", arguments: [
        ("karawang", #"{"kind": "ratings", "hasilKerja": "di-atas-ekspektasi", "perilakuKerja": "di-atas-ekspektasi"}"#,
         "ratings", ["result"], JSONValue.string("sangat-baik")),
        ("tanah-laut", #"{"kind": "deadline", "window": "objection-filing", "receivedAt": "2025-01-09T16:30:00Z"}"#,
         "deadline", ["result", "due"], .string("2025-02-04")),
        ("tanah-laut", #"{"kind": "deadline", "window": "objection-decision", "from": "2025-04-25"}"#,
         "deadline", ["result", "due"], .string("2025-05-07")),
        ("pasuruan", #"""
         {"kind": "weighted", "jobKind": "pelaksana",
          "activities": [{"name": "Laporan", "quantity": {"target": 10, "realisation": 10},
                          "quality": {"target": 100, "realisation": 90}, "time": {"target": 12, "realisation": 12}}],
          "perilaku": {"orientasiPelayanan": 80, "komitmen": 85, "inisiatifKerja": 75, "kerjasama": 90}}
         """#, "weighted", ["result", "nilaiPrestasiKerja"], .number(dec("86.2"))),   // 53.202 + 33 = 86.202
        ("pasuruan", #"{"kind": "deadline", "window": "assessment", "from": "2025-01-10"}"#,
         "deadline", ["result", "due"], .string("2025-01-12")),
        ("demak", #"{"kind": "distribution", "capaianOrganisasi": "baik", "counts": {"sangatBaik": 2, "baik": 8}}"#,
         "distribution", ["result", "groupSize"], .number(10)),
        ("demak", #"{"kind": "coverage", "employeeType": "PNS", "on": "2025-06-01", "statuses": [{"status": "tugas-belajar", "from": "2025-01-01"}]}"#,
         "coverage", ["result", "obliged"], .bool(false)),
        ("demak", #"{"kind": "credit-points", "predikat": "baik", "jenjang": "ahli-muda", "months": 6}"#,
         "credit-points", ["result", "angkaKredit"], .number(dec("12.5"))),
        ("pasuruan", #"{"kind": "ratings", "hasilKerja": "sesuai-ekspektasi", "perilakuKerja": "sesuai-ekspektasi"}"#,
         "refused", ["code"], .string("model-mismatch")),
        ("karawang", #"{"kind": "deadline", "window": "assessment", "from": "2025-01-10"}"#,
         "refused", ["code"], .string("window-not-set")),
    ])
    func cases(tenant: String, json: String, kind: String, path: [String], expected: JSONValue) throws {
        let tree = try encoded(try evaluate(json, tenant: tenant))
        #expect(member(tree, "kind") == .string(kind))
        #expect(path.reduce(Optional(tree)) { current, key in
            guard case .object(let members)? = current else { return nil }
            return members[key]
        } == expected)
        if kind != "refused" {
            guard case .array(let steps)? = member(tree, "explanation", "steps") else {
                Issue.record("explanation missing")
                return
            }
            #expect(!steps.isEmpty)
        }
    }

    @Test("the distribution outcome names each broken rule and by how many people")
    func distributionViolations() throws {
        let outcome = try evaluate(
            #"{"kind": "distribution", "capaianOrganisasi": "baik", "predikat": ["baik", "baik", "baik", "baik", "baik", "baik", "baik", "baik", "sangat-baik", "sangat-baik"]}"#,
            tenant: "karawang")
        guard case .distribution(let result) = outcome else {
            Issue.record("expected a distribution outcome, got \(outcome)")
            return
        }
        #expect(result.value.violations.map(\.code) == ["baik/baik/at-most-70-percent",
                                                        "baik/butuh-perbaikan+kurang/at-least-1-person"])
        #expect(result.value.violations.map(\.by) == [1, 1])
        #expect(result.value.isBlocking)
    }

    @Test("a deadline from a civil date also gets its instant in the tenant's zone")
    func deadlineInstant() throws {
        guard case .deadline(let result) = try evaluate(
            #"{"kind": "deadline", "window": "objection-filing", "from": "2025-03-20"}"#, tenant: "tanah-laut") else {
            Issue.record("expected a deadline")
            return
        }
        #expect(result.value.due == day("2025-04-21"))
        #expect(result.value.dueInstant == ISO8601DateFormatter().date(from: "2025-04-21T15:59:59Z"))
        #expect(result.value.timeZone == "Asia/Makassar")
    }

    @Test("case parse errors carry paths, all of them")
    func parseErrors() throws {
        let json = #"""
        {"kind": "weighted", "jobKind": "lurah", "extra": 1,
         "activities": [{"name": "A", "quantity": {"target": 10}, "quality": {"target": 100, "realisation": 90},
                         "time": {"target": "12", "realisation": 12}}],
         "perilaku": {"orientasiPelayanan": 180, "komitmen": 80, "inisiatifKerja": 80}}
        """#
        let failure = #expect(throws: ValidationFailure.self) { try RuleCase.parse(Data(json.utf8)) }
        let issues = try #require(failure).issues.map { "\($0.path) \($0.code.rawValue)" }.sorted()
        #expect(issues == [
            "$.activities[0].quantity.realisation required",
            "$.activities[0].time.target wrongType",
            "$.extra unknownKey",
            "$.jobKind unknownValue",
            "$.perilaku.kerjasama required",
            "$.perilaku.orientasiPelayanan outOfRange",
        ])
    }

    @Test("an unknown kind is reported with the choices")
    func unknownKind() throws {
        let failure = #expect(throws: ValidationFailure.self) { try RuleCase.parse(Data(#"{"kind": "nilai"}"#.utf8)) }
        #expect(try #require(failure).issues == [ValidationIssue(
            path: "$.kind", code: .unknownValue,
            message: "nilai 'nilai' tidak dikenal; pilihan: ratings, weighted, distribution, deadline, coverage, credit-points")])
    }
}
