import Foundation
import Testing
@testable import Kinerja

@Suite("Follow-up rules")
struct FollowUpRuleTests {
    static let a = UUID(), b = UUID(), c = UUID(), d = UUID(), e = UUID()

    @Test("ranking: predikat order, then nilai; equals share a rank and the next skips", arguments: [
        // quadrant: predikat only
        ([("A", "baik", nil), ("B", "sangat-baik", nil), ("C", "baik", nil), ("D", "kurang", nil), ("E", "butuh-perbaikan", nil)],
         ["B:1", "A:2", "C:2", "E:4", "D:5"]),
        // weighted: predikat, then nilai highest first; equal nilai ties
        ([("A", "baik", "80.5"), ("B", "baik", "88"), ("C", "sangat-baik", "91"), ("D", "baik", "88"), ("E", "cukup", "70")],
         ["C:1", "B:2", "D:2", "A:4", "E:5"]),
        // weighted categories sit beside their quadrant counterparts
        ([("A", "buruk", "40"), ("B", "sangat-kurang", nil), ("C", "cukup", "65"), ("D", "kurang", "55")],
         ["C:1", "D:2", "A:3", "B:4"]),
        ([], []),
    ] as [([(String, String, String?)], [String])])
    func ranking(rows: [(String, String, String?)], expected: [String]) throws {
        let ids = [Self.a, Self.b, Self.c, Self.d, Self.e]
        let candidates = try rows.enumerated().map { index, row in
            UnitRanking.Candidate(employeeID: ids[index], name: row.0,
                                  predikat: try #require(ResultPredikat(rawValue: row.1)), nilai: row.2.map(dec))
        }
        #expect(UnitRanking.rank(candidates).map { "\($0.candidate.name):\($0.rank)" } == expected)
    }

    @Test("which final results open an improvement window", arguments: [
        (true, JabatanKind.jpt, "butuh-perbaikan", true, "jpt"),
        (true, .jpt, "cukup", true, "jpt"),
        (true, .jpt, "kurang", true, "jpt"),
        (true, .jpt, "sangat-kurang", true, "jpt"),
        (true, .jpt, "buruk", true, "jpt"),
        (true, .jpt, "baik", false, "predikat"),
        (true, .administrator, "butuh-perbaikan", false, "predikat"),
        (true, .administrator, "cukup", false, "predikat"),
        (true, .administrator, "kurang", true, "administrasi-fungsional"),
        (true, .pengawas, "sangat-kurang", true, "administrasi-fungsional"),
        (true, .pelaksana, "kurang", true, "administrasi-fungsional"),
        (true, .fungsional, "buruk", true, "administrasi-fungsional"),
        (true, .fungsional, "sangat-baik", false, "predikat"),
        (false, .jpt, "sangat-kurang", false, "not-annual"),
        (false, .pelaksana, "kurang", false, "not-annual"),
    ] as [(Bool, JabatanKind, String, Bool, String)])
    func windowQualification(annual: Bool, kind: JabatanKind, predikat: String, qualifies: Bool, code: String) throws {
        let decision = ImprovementWindowRule.decide(annual: annual, jabatan: kind,
                                                    predikat: try #require(ResultPredikat(rawValue: predikat)))
        #expect(decision.qualifies == qualifies)
        #expect(decision.code == code)
        #expect(decision.message.contains("Pasal 3"))
    }

    @Test("an unknown post opens no window")
    func noJabatan() {
        #expect(ImprovementWindowRule.decide(annual: true, jabatan: nil, predikat: .kurang).code == "no-jabatan")
    }

    @Test("the window: from the day after finalisation, six months, last day inclusive", arguments: [
        ("2027-01-15", "2027-01-16", "2027-07-15"),
        ("2027-08-30", "2027-08-31", "2028-02-28"),   // 31 Aug + 6 months is the end of February
        ("2026-12-31", "2027-01-01", "2027-06-30"),
        ("2027-06-30", "2027-07-01", "2027-12-31"),
    ])
    func windowDates(finalised: String, starts: String, ends: String) {
        let window = ImprovementWindowRule.window(finalisedOn: day(finalised))
        #expect(window.startsOn.description == starts)
        #expect(window.endsOn.description == ends)
    }

    @Test("outcomes: improved or not only after the window; cancelled any time; once")
    func outcomes() {
        let ends = day("2027-07-15")
        #expect(ImprovementOutcome.improved.refusal(status: "open", endsOn: ends, today: day("2027-07-15")) != nil)
        #expect(ImprovementOutcome.notImproved.refusal(status: "open", endsOn: ends, today: day("2027-07-16")) == nil)
        #expect(ImprovementOutcome.cancelled.refusal(status: "open", endsOn: ends, today: day("2027-02-01")) == nil)
        let twice = ImprovementOutcome.cancelled.refusal(status: "improved", endsOn: ends, today: day("2027-08-01"))
        #expect(twice?.contains("Pasal 34 huruf a") == true)
    }

    @Test("rewards only for a final Sangat Baik", arguments: [
        ("final", "sangat-baik", nil),
        ("final", "baik", "reward-predikat-not-eligible"),
        ("final", "cukup", "reward-predikat-not-eligible"),
        ("rated", "sangat-baik", "reward-evaluation-not-final"),
        ("excluded", nil, "reward-evaluation-not-final"),
    ] as [(String, String?, String?)])
    func reward(status: String, predikat: String?, code: String?) {
        let refusal = RewardRule.check(status: status, predikat: predikat.flatMap(ResultPredikat.init(rawValue:)))
        #expect(refusal?.code == code)
        if let refusal { #expect(refusal.message.hasSuffix("(Perbup Tanah Laut 2024 Pasal 30 ayat (1))")) }
    }

    @Test("CSV: every field quoted, quotes doubled, CRLF, formulas defused", arguments: [
        ("Budi", "\"Budi\""),
        ("Taufik Setiawan, S.Sos., M.Si.", "\"Taufik Setiawan, S.Sos., M.Si.\""),
        ("Ali \"Ucok\" Lubis", "\"Ali \"\"Ucok\"\" Lubis\""),
        ("baris\r\nbaru", "\"baris\r\nbaru\""),
        ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
        ("+62812", "\"'+62812\""),
        ("-1", "\"'-1\""),
        ("@SUM(A1)", "\"'@SUM(A1)\""),
        ("\tx", "\"'\tx\""),
        ("", "\"\""),
        ("198503122010011001", "\"198503122010011001\""),
    ])
    func csvField(value: String, expected: String) {
        #expect(CSVText.field(value) == expected)
    }

    @Test("a CSV record ends with CRLF")
    func csvRecord() {
        #expect(CSVText.record(["a", "b,c"]) == "\"a\",\"b,c\"\r\n")
    }

    @Test("TPP row: only a final result carries its predikat and document version")
    func tppRow() {
        let final = TPPBasisRow(nip: "198503122010011001", name: "A", perangkatDaerah: "Dinas", period: "2026 tahunan",
                                status: "final", predikat: .baik, nilai: nil, excludedReasons: [], version: 2)
        #expect(final.fields == ["198503122010011001", "A", "Dinas", "2026 tahunan", "baik", "", "final", "", "2"])
        var rated = final
        rated.status = "rated"
        #expect(rated.fields[4] == "" && rated.fields[6] == "belum-final" && rated.fields[8] == "")
        var excluded = final
        excluded.status = "excluded"
        excluded.excludedReasons = ["Tugas belajar"]
        #expect(excluded.fields[6] == "dikecualikan" && excluded.fields[7] == "Tugas belajar")
    }

    @Test("credit points from an evaluation: months of the period, quadrant predikat only")
    func creditPoints() throws {
        let annual = EvaluationCreditPoints.compute(status: "final", predikat: .baik, jenjang: .ahliMuda,
                                                    periodStart: day("2026-01-01"), periodEnd: day("2026-12-31"))
        #expect(try annual.get().value.angkaKredit == 25)
        #expect(try annual.get().value.months == 12)
        let quarter = EvaluationCreditPoints.compute(status: "final", predikat: .sangatBaik, jenjang: .ahliPertama,
                                                     periodStart: day("2026-04-01"), periodEnd: day("2026-06-30"))
        #expect(try quarter.get().value.angkaKredit == dec("4.688"))   // 150% × 12.5 × 3/12 = 4.6875
        let weighted = EvaluationCreditPoints.compute(status: "final", predikat: .cukup, jenjang: .ahliMuda,
                                                      periodStart: day("2026-01-01"), periodEnd: day("2026-12-31"))
        #expect(throws: EvaluationCreditPoints.Refusal.notQuadrant) { try weighted.get() }
        #expect(throws: EvaluationCreditPoints.Refusal.notFungsional) {
            try EvaluationCreditPoints.compute(status: "final", predikat: .baik, jenjang: nil, periodStart: day("2026-01-01"),
                                               periodEnd: day("2026-12-31")).get()
        }
        #expect(throws: EvaluationCreditPoints.Refusal.notFinal) {
            try EvaluationCreditPoints.compute(status: "rated", predikat: .baik, jenjang: .pemula, periodStart: day("2026-01-01"),
                                               periodEnd: day("2026-12-31")).get()
        }
    }

    @Test("who sees follow-up", arguments: [
        (true, false, true, true),
        (false, true, false, true),
        (false, false, false, false),
    ])
    func scope(admin: Bool, pengelolaOfUnit: Bool, tenantAllowed: Bool, unitAllowed: Bool) {
        let unit = UUID()
        let managed: Set<UUID> = pengelolaOfUnit ? [unit] : [UUID()]
        #expect(FollowUpScope.tenant.permits(isTenantAdmin: admin, pengelolaOf: managed) == tenantAllowed)
        #expect(FollowUpScope.perangkatDaerah(unit).permits(isTenantAdmin: admin, pengelolaOf: managed) == unitAllowed)
    }

    @Test("a group's predikat against its pattern names the broken rule and by how many")
    func groupDistribution() throws {
        let settings = try #require(try SeededRuleSets.ruleSet(for: "karawang").evaluation.distribution)
        // Baik: Baik at most 70% (floor 7 of 10) and at least one Butuh Perbaikan or Kurang.
        let group = GroupDistribution(groupID: "g", scope: "perangkat-daerah", capaian: .baik, finalised: false,
                                      counts: [.baik: 9, .sangatBaik: 1], settings: settings)
        let violations = try #require(group.check?.violations)
        #expect(violations.map(\.by) == [2, 1])
        let weighted = GroupDistribution(groupID: "g", scope: "perangkat-daerah", capaian: nil, finalised: false,
                                         counts: [.cukup: 1], settings: nil)
        #expect(weighted.check == nil && weighted.uncheckedReason != nil)
    }
}
