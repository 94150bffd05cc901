import Foundation
import Testing
@testable import Kinerja

/// Validation of SKP content by limits and the tenant's rules; every problem has a JSON pointer.
@Suite("SKP validation")
struct SKPValidatorTests {
    static func iki(_ unit: String, aspect: IKI.Aspect = .kuantitas, value: Decimal? = 12) -> IKI {
        IKI(aspect: aspect, indicator: "Jumlah laporan", approach: .kuantitatif, targetValue: value, unit: unit)
    }

    static func content(_ rhk: [RHK], perilaku: [PerilakuKerjaEkspektasi] = []) -> SKPContent {
        SKPContent(rhk: rhk, perilaku: perilaku)
    }

    static func rhk(_ iki: [IKI], text: String = "Tersusunnya laporan kinerja", kind: RHK.Kind = .utama) -> RHK {
        RHK(id: UUID(), kind: kind, text: text, serves: .perjanjianKinerja("PK Dinas 2026 sasaran 1"), iki: iki)
    }

    static let longText = String(repeating: "x", count: 2_001)

    /// (tenant, content, expected [pointer code] in order).
    static let cases: [(String, SKPContent, [String])] = [
        ("pasuruan", content([rhk([iki("laporan"), iki("bulan", aspect: .waktu)])]), []),
        ("pasuruan", content([rhk([iki("laporan"), iki("hari", aspect: .waktu)])]),
         ["/rhk/0/iki/1/unit time-unit-not-allowed"]),
        ("tanah-laut", content([rhk([iki("hari", aspect: .waktu)])]), []),
        ("tanah-laut", content([rhk([iki("jam", aspect: .waktu)])]), ["/rhk/0/iki/0/unit time-unit-not-allowed"]),
        ("tanah-laut", content([rhk([iki("dokumen", aspect: .waktu)])]), ["/rhk/0/iki/0/unit time-unit-required"]),
        ("tanah-laut", content([rhk([iki(""), iki("laporan", value: nil), iki("laporan", value: -1)], text: " ")]),
         ["/rhk/0/text required", "/rhk/0/iki/0/unit required", "/rhk/0/iki/1/targetValue required",
          "/rhk/0/iki/2/targetValue out-of-range"]),
        ("tanah-laut", content([rhk([iki("laporan")], text: longText)]), ["/rhk/0/text too-long"]),
        ("tanah-laut", content(Array(repeating: rhk([iki("laporan")]), count: 31).map {
            var copy = $0; copy.id = UUID(); return copy
        }), ["/rhk too-many"]),
        ("tanah-laut", content([rhk(Array(repeating: iki("laporan"), count: 11))]), ["/rhk/0/iki too-many"]),
        ("tanah-laut", content([], perilaku: [.init(aspect: "akuntabel", ekspektasiKhusus: "Tepat waktu"),
                                              .init(aspect: "akuntabel"), .init(aspect: "komitmen")]),
         ["/perilaku/1/aspect duplicate", "/perilaku/2/aspect unknown-aspect"]),
        ("pasuruan", content([], perilaku: [.init(aspect: "komitmen", ekspektasiKhusus: longText)]),
         ["/perilaku/0/ekspektasiKhusus too-long"]),
    ]

    @Test("content problems with pointers", arguments: 0..<cases.count)
    func table(index: Int) throws {
        let (tenant, content, expected) = Self.cases[index]
        let problems = SKPValidator.validate(content, ruleSet: try SeededRuleSets.ruleSet(for: tenant))
        #expect(problems.map { "\($0.pointer) \($0.code)" } == expected)
    }

    @Test("Pasuruan refuses 'hari' citing Perbup Pasuruan 117/2019 Pasal 10 huruf c")
    func pasuruanTimeUnit() throws {
        let problems = SKPValidator.validate(Self.content([Self.rhk([Self.iki("hari", aspect: .waktu)])]),
                                             ruleSet: try SeededRuleSets.ruleSet(for: "pasuruan"))
        let problem = try #require(problems.first)
        #expect(problem.basis == LegalBasis(regulation: "Perbup Pasuruan 117/2019", article: "Pasal 10 huruf c"))
        #expect(problem.message.hasSuffix("(Perbup Pasuruan 117/2019 Pasal 10 huruf c)"))
    }

    @Test("a submission needs an RHK utama and an IKI for each RHK")
    func submission() throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: "demak")
        let content = Self.content([Self.rhk([], kind: .tambahan)])
        #expect(SKPValidator.validate(content, ruleSet: ruleSet).isEmpty)
        #expect(SKPValidator.validate(content, ruleSet: ruleSet, forSubmission: true).map(\.pointer) == ["/rhk/0/iki", "/rhk"])
    }

    @Test("an empty plan lists the rule set's behaviour aspects")
    func emptyPlan() throws {
        #expect(SKPContent.empty(for: try SeededRuleSets.ruleSet(for: "tanah-laut")).perilaku.count == 7)
        #expect(SKPContent.empty(for: try SeededRuleSets.ruleSet(for: "pasuruan")).perilaku.map(\.aspect).first
                == "orientasi-pelayanan")
    }

    @Test("RHK links encode as one key")
    func linkCoding() throws {
        let id = UUID()
        for link in [RHKLink.superiorRHK(id), .perjanjianKinerja("PK 2026")] {
            let data = try JSONEncoder().encode(link)
            #expect(try JSONDecoder().decode(RHKLink.self, from: data) == link)
        }
    }
}
