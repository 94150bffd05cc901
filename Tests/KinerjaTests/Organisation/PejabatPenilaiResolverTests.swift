import Foundation
import Testing
@testable import Kinerja

/// A small dinas: Kepala Dinas (JPT) ← Kepala Bidang (Administrator) ← Kepala Seksi (Pengawas)
/// ← Pengadministrasi (Pelaksana); a functional team whose coordinator is itself functional.
private enum Org {
    static func id(_ n: Int) -> UUID { UUID(uuidString: String(format: "00000000-0000-7000-8000-%012d", n)) ?? UUID() }
    // Posts.
    static let kadis = id(1), kabid = id(2), kasi = id(3), pelaksana = id(4), koordinator = id(5), analis = id(6)
    // Employees.
    static let k = id(101), b = id(102), s = id(103), p = id(104), p2 = id(105), t = id(106), f = id(107), c = id(108)

    static func range(_ from: String, _ until: String? = nil) -> DateRange {
        DateRange(from: day(from), until: until.map(day)) ?? DateRange(from: day("1900-01-01"), until: nil)!  // allowed in tests
    }

    static func assign(_ n: Int, _ employee: UUID, _ jabatan: UUID, _ kind: AssignmentKind, _ from: String, _ until: String? = nil) -> Assignment {
        Assignment(id: id(200 + n), employeeID: employee, jabatanID: jabatan, kind: kind, period: range(from, until))
    }

    static let snapshot = OrganisationSnapshot(
        jabatan: [
            JabatanNode(id: kadis, name: "Kepala Dinas", kind: .jpt, superiorID: nil),
            JabatanNode(id: kabid, name: "Kepala Bidang", kind: .administrator, superiorID: kadis),
            JabatanNode(id: kasi, name: "Kepala Seksi", kind: .pengawas, superiorID: kabid),
            JabatanNode(id: pelaksana, name: "Pengadministrasi Umum", kind: .pelaksana, superiorID: kasi),
            JabatanNode(id: koordinator, name: "Analis Kebijakan Ahli Madya", kind: .fungsional, superiorID: kabid),
            JabatanNode(id: analis, name: "Analis Kebijakan Ahli Pertama", kind: .fungsional, superiorID: koordinator),
        ],
        assignments: [
            assign(1, k, kadis, .definitif, "2020-01-01"),
            assign(2, b, kabid, .definitif, "2020-01-01"),
            assign(3, s, kasi, .definitif, "2020-01-01", "2025-06-30"),  // kasi retires: vacant from July
            assign(4, p, pelaksana, .definitif, "2020-01-01"),
            assign(5, p2, pelaksana, .definitif, "2020-01-01"),
            assign(6, t, pelaksana, .definitif, "2020-01-01"),
            assign(7, t, kasi, .plt, "2025-08-01"),  // T becomes Plt Kepala Seksi in August
            assign(8, s, kabid, .plh, "2025-05-01", "2025-05-10"),  // S stands in for the kabid
            assign(9, c, koordinator, .definitif, "2020-01-01"),
            assign(10, f, analis, .definitif, "2020-01-01"),
        ],
        overrides: [
            EvaluatorOverride(id: id(301), employeeID: p, evaluatorID: p2, period: range("2025-09-01", "2025-09-30"),
                              reason: "Didelegasikan oleh Kepala Bidang"),
        ],
        employeeNames: [k: "Kadis", b: "Kabid", s: "Kasi", p: "Pelaksana", p2: "Pelaksana Dua", t: "Plt", f: "Analis", c: "Koordinator"])
}

@Suite struct PejabatPenilaiResolverTests {
    struct Case: Sendable, CustomStringConvertible {
        let name: String
        let employee: UUID
        let date: String
        let evaluator: UUID?
        let basis: PejabatPenilai.Basis?
        let superior: UUID?
        let stepContains: String
        var description: String { name }
    }

    static let cases: [Case] = [
        Case(name: "direct superior", employee: Org.p, date: "2025-03-01", evaluator: Org.s,
             basis: .hierarchy(jabatanID: Org.kasi, holding: .definitif), superior: Org.b,
             stepContains: "Jabatan atasan langsung Kepala Seksi dijabat definitif oleh Kasi"),
        Case(name: "vacancy passes to the next superior", employee: Org.p, date: "2025-07-15", evaluator: Org.b,
             basis: .hierarchy(jabatanID: Org.kabid, holding: .definitif), superior: Org.k,
             stepContains: "Jabatan atasan langsung Kepala Seksi kosong pada 2025-07-15 → atasan berikutnya"),
        Case(name: "acting official (Plt) evaluates", employee: Org.p, date: "2025-08-10", evaluator: Org.t,
             basis: .hierarchy(jabatanID: Org.kasi, holding: .plt), superior: Org.b,
             stepContains: "dijabat sebagai Plt oleh Plt"),
        Case(name: "the Plt's own evaluator skips the post the Plt holds", employee: Org.t, date: "2025-08-10", evaluator: Org.b,
             basis: .hierarchy(jabatanID: Org.kabid, holding: .definitif), superior: Org.k,
             stepContains: "dijabat oleh Plt sendiri → atasan berikutnya"),
        Case(name: "Plh stands in for the absent holder", employee: Org.s, date: "2025-05-05", evaluator: Org.k,
             basis: .hierarchy(jabatanID: Org.kadis, holding: .definitif), superior: nil,
             stepContains: "Kepala Bidang dijabat oleh Kasi sendiri"),
        Case(name: "override by admin (delegation below Pengawas)", employee: Org.p, date: "2025-09-15", evaluator: Org.p2,
             basis: .override(overrideID: Org.id(301)), superior: Org.t,
             stepContains: "ditetapkan admin"),
        Case(name: "override ends: hierarchy again", employee: Org.p, date: "2025-10-01", evaluator: Org.t,
             basis: .hierarchy(jabatanID: Org.kasi, holding: .plt), superior: Org.b,
             stepContains: "Plt"),
        Case(name: "history: the past answer after later changes", employee: Org.p, date: "2025-06-30", evaluator: Org.s,
             basis: .hierarchy(jabatanID: Org.kasi, holding: .definitif), superior: Org.b,
             stepContains: "Kepala Seksi dijabat definitif"),
        Case(name: "functional superior is skipped upward", employee: Org.f, date: "2025-03-01", evaluator: Org.b,
             basis: .hierarchy(jabatanID: Org.kabid, holding: .definitif), superior: Org.k,
             stepContains: "Analis Kebijakan Ahli Madya adalah Fungsional, bukan minimal Pengawas → atasan berikutnya"),
        Case(name: "top of the hierarchy has none", employee: Org.k, date: "2025-03-01", evaluator: nil, basis: nil, superior: nil,
             stepContains: "puncak hierarki"),
        Case(name: "no post on the date", employee: Org.p, date: "2019-12-31", evaluator: nil, basis: nil, superior: nil,
             stepContains: "tidak memegang jabatan"),
    ]

    @Test(arguments: cases)
    func resolves(_ c: Case) {
        let resolution = PejabatPenilaiResolver(snapshot: Org.snapshot).resolve(c.employee, on: day(c.date))
        #expect(resolution.evaluator?.employeeID == c.evaluator)
        #expect(resolution.evaluator?.basis == c.basis)
        #expect(resolution.evaluatorSuperior?.employeeID == c.superior)
        let text = resolution.explanation.steps.map(\.text).joined(separator: " | ")
        #expect(text.contains(c.stepContains), "\(text)")
    }

    @Test func holderPrefersPlhThenDefinitiveThenPlt() {
        let resolver = PejabatPenilaiResolver(snapshot: Org.snapshot)
        #expect(resolver.holder(of: Org.kabid, on: day("2025-05-05"))?.employeeID == Org.s)
        #expect(resolver.holder(of: Org.kabid, on: day("2025-05-11"))?.employeeID == Org.b)
        #expect(resolver.holder(of: Org.kasi, on: day("2025-07-31")) == nil)
    }

    @Test func cyclicHierarchyStops() {
        let a = Org.id(900), b = Org.id(901)
        let snapshot = OrganisationSnapshot(
            jabatan: [JabatanNode(id: a, name: "A", kind: .pelaksana, superiorID: b),
                      JabatanNode(id: b, name: "B", kind: .pelaksana, superiorID: a)],
            assignments: [Org.assign(50, Org.p, a, .definitif, "2020-01-01")])
        let resolution = PejabatPenilaiResolver(snapshot: snapshot).resolve(Org.p, on: day("2025-01-01"))
        #expect(resolution.evaluator == nil)
        #expect(resolution.explanation.steps.last?.text.contains("rusak") == true)
    }
}
