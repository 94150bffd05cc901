import Testing
@testable import Kinerja

@Suite("Coverage")
struct CoverageCheckTests {
    @Test("who is obliged, and why not", arguments: [
        // tenant, type, status (nil: none), date, obliged, reason codes
        ("karawang", EmployeeType.cpns, nil, "2024-03-01", true, [String]()),
        ("karawang", .cpns, nil, "2023-12-31", false, ["type-not-yet-covered"]),
        ("karawang", .pppk, nil, "2025-06-01", true, []),
        ("pasuruan", .pppk, nil, "2025-06-01", false, ["type-not-covered"]),
        ("tanah-laut", .cpns, nil, "2025-06-01", false, ["type-not-covered"]),
        ("karawang", .pns, EmploymentStatus.tugasBelajar, "2025-06-01", false, ["exempt-status"]),
        ("karawang", .pns, .tugasBelajar, "2026-01-01", true, []),              // the period ended 2025-12-31
        ("demak", .pns, .diberhentikanSementara, "2025-06-01", false, ["exempt-status"]),
        ("pasuruan", .pppk, .cutiDiLuarTanggunganNegara, "2025-06-01", false, ["type-not-covered", "exempt-status"]),
    ] as [(String, EmployeeType, EmploymentStatus?, String, Bool, [String])])
    func coverage(tenant: String, type: EmployeeType, status: EmploymentStatus?, date: String, obliged: Bool,
                  reasons: [String]) throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: tenant)
        let statuses = status.map { [StatusPeriod(status: $0, from: day("2025-01-01"), until: day("2025-12-31"))] } ?? []
        let result = CoverageCheck.check(CoverageQuestion(employeeType: type, statuses: statuses, on: day(date)),
                                         ruleSet: ruleSet)
        #expect(result.value.obliged == obliged)
        #expect(result.value.reasons.map(\.code.rawValue) == reasons)
    }

    @Test("the reason cites the regulation")
    func citation() throws {
        let result = CoverageCheck.check(CoverageQuestion(employeeType: .pppk, on: day("2025-06-01")),
                                         ruleSet: try SeededRuleSets.ruleSet(for: "pasuruan"))
        let reason = try #require(result.value.reasons.first)
        #expect(reason.message == "PPPK tidak termasuk pegawai yang diatur (hanya PNS).")
        #expect(reason.basis?.regulation == "Perbup Pasuruan 117/2019")
    }
}

@Suite("Credit points (PermenPANRB 1/2023)")
struct CreditPointsTests {
    @Test("share × coefficient × months / 12", arguments: [
        (Predikat.baik, JenjangFungsional.ahliPertama, 12, "12.5"),
        (.sangatBaik, .ahliMuda, 12, "37.5"),
        (.butuhPerbaikan, .ahliMadya, 6, "14.063"),   // 14.0625 → 14.063
        (.kurang, .pemula, 12, "1.875"),
        (.sangatKurang, .terampil, 7, "0.729"),       // 0.72916…
        (.baik, .mahir, 1, "1.042"),                  // 1.04166…
        (.sangatBaik, .penyelia, 9, "28.125"),
        (.baik, .ahliUtama, 12, "50"),
    ])
    func angkaKredit(predikat: Predikat, jenjang: JenjangFungsional, months: Int, expected: String) throws {
        let result = try CreditPoints.compute(predikat: predikat, jenjang: jenjang, months: months)
        #expect(result.value.angkaKredit == dec(expected))
        #expect(result.explanation.steps.count == 3)
    }

    @Test("months outside 1–12 are refused", arguments: [0, 13, -1])
    func months(months: Int) {
        #expect(throws: CreditPoints.Failure.monthsOutOfRange(months)) {
            try CreditPoints.compute(predikat: .baik, jenjang: .ahliMuda, months: months)
        }
    }
}
