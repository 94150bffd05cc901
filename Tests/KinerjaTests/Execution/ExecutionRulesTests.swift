import Foundation
import Testing
@testable import Kinerja

/// The execution rules without a database: who may do what, the timeline and action-plan checks
/// (Perbup Tanah Laut 2024 Pasal 15), realisation entries and evidence limits, and the documentation
/// period (Pasal 14 ayat (4)).
@Suite struct ExecutionRulesTests {
    static func date(_ text: String) throws -> CivilDate { try #require(CivilDate(iso: text)) }

    static let plan = RHKExecutionPlan(
        timeline: RHKTimeline(months: [3, 6, 9, 12], duration: 2, durationUnit: .minggu, activityType: .rutin, assignmentPattern: .tim),
        rencanaAksi: [RencanaAksi(text: "Menghimpun data triwulan", months: [3, 6, 9, 12]),
                      RencanaAksi(text: "Menyusun laporan tahunan", months: [12])])

    // MARK: - Policy matrix

    @Test(arguments: ExecutionAction.allCases)
    func policyMatrix(action: ExecutionAction) {
        for actor in SKPActor.allCases {
            let expected: Bool = switch action {
            case .writePlan, .writeRealisation: actor == .employee
            case .recordCoaching, .takeOver: actor == .evaluator
            case .giveFeedback: actor != .employee
            case .readPlan, .readRealisation, .readFeedback, .readCoaching: [.employee, .evaluator, .superior].contains(actor)
            }
            let outcome = Result { () throws(ExecutionError) in try ExecutionPolicy.authorize(action, actor: actor) }
            switch outcome {
            case .success: #expect(expected, "\(actor) must not \(action)")
            case .failure(let error):
                #expect(!expected, "\(actor) may \(action)")
                // Someone with no part in the plan is not told it exists; anyone else is told why.
                #expect(error.code == (actor == .other ? "skp-not-found" : "execution-not-permitted"))
            }
        }
    }

    @Test func refusalNamesTheActorsAndTheArticle() {
        let error = ExecutionError.notPermitted(action: .takeOver, actor: .employee, allowed: [.evaluator])
        #expect(error.message == "Tindakan 'take-over' hanya dapat dilakukan oleh pejabat penilai kinerja, bukan oleh pegawai yang "
            + "bersangkutan. (PermenPANRB 6/2022; Perbup Tanah Laut 2024 Pasal 19 ayat (6)–(8): pengambilalihan RHK)")
    }

    // MARK: - Timeline and action plans

    @Test func aValidPlanHasNoProblems() {
        #expect(ExecutionValidator.validate(Self.plan, startMonth: 1).isEmpty)
        #expect(ExecutionValidator.validate(Self.plan, startMonth: 3).isEmpty)
    }

    @Test func planProblemsPointAtTheFields() {
        var plan = Self.plan
        plan.timeline.months = [2, 4, 4, 13]
        plan.timeline.duration = 13
        plan.timeline.durationUnit = .bulan
        plan.rencanaAksi = [RencanaAksi(text: " ", months: [5]), RencanaAksi(text: "Rapat", months: [])]
        let problems = ExecutionValidator.validate(plan, startMonth: 3)
        #expect(problems.map(\.pointer) == ["/timeline/months/0", "/timeline/months/2", "/timeline/months/3", "/timeline/duration",
                                            "/rencanaAksi/0/text", "/rencanaAksi/0/months/0", "/rencanaAksi/1/months"])
        #expect(problems.map(\.code) == ["out-of-range", "not-ascending", "out-of-range", "out-of-range", "required",
                                         "outside-timeline", "required"])
        // Month 4 is out of range only because the SKP starts in May here.
        #expect(ExecutionValidator.validate(Self.plan, startMonth: 5).map(\.pointer)
            == ["/timeline/months/0", "/rencanaAksi/0/months/0"])
    }

    @Test func aPlanNeedsAnActionAndAtMostThirty() {
        var plan = Self.plan
        plan.rencanaAksi = []
        #expect(ExecutionValidator.validate(plan, startMonth: 1).map(\.code) == ["required"])
        plan.rencanaAksi = Array(repeating: RencanaAksi(text: "Aksi", months: [3]), count: 31)
        #expect(ExecutionValidator.validate(plan, startMonth: 1).map(\.code) == ["too-many"])
        plan.rencanaAksi = [RencanaAksi(text: String(repeating: "a", count: 2_001), months: [3])]
        #expect(ExecutionValidator.validate(plan, startMonth: 1).map(\.code) == ["too-long"])
    }

    // MARK: - Realisation entries and evidence

    @Test func anEntryNeedsAValueOrAText() {
        #expect(ExecutionValidator.validate(RealisationEntry(value: 3)).isEmpty)
        #expect(ExecutionValidator.validate(RealisationEntry(text: "Laporan selesai")).isEmpty)
        #expect(ExecutionValidator.validate(RealisationEntry(text: "  ")).map(\.pointer) == ["/value"])
        #expect(ExecutionValidator.validate(RealisationEntry(value: -1)).map(\.code) == ["out-of-range"])
    }

    @Test(arguments: [
        ("https://drive.example.go.id/laporan.pdf", true),
        ("HTTPS://example.org/a?b=c", true),
        ("http://example.org/laporan.pdf", false),
        ("javascript:alert(1)", false),
        ("https://", false),
        ("https://exa mple.org/", false),
        ("ftp://example.org/x", false),
    ])
    func linksMustBeHTTPS(link: String, accepted: Bool) {
        #expect(ExecutionValidator.isAcceptableLink(link) == accepted)
    }

    @Test func linksAreBoundedInCountAndLength() {
        let long = "https://example.org/" + String(repeating: "a", count: 2_000)
        #expect(ExecutionValidator.validate(RealisationEntry(value: 1, links: ["https://example.org/a", long])).map(\.pointer) == ["/links/1"])
        let many = Array(repeating: "https://example.org/a", count: 11)
        #expect(ExecutionValidator.validate(RealisationEntry(value: 1, links: many)).map(\.code) == ["too-many"])
    }

    @Test func filesAreBoundedInTypeSizeAndName() {
        #expect(ExecutionValidator.validateFile(name: "bukti.pdf", contentType: "application/pdf", size: 10).isEmpty)
        #expect(ExecutionValidator.validateFile(name: "foto.png", contentType: "image/png", size: ExecutionLimits.maxFileBytes).isEmpty)
        #expect(ExecutionValidator.validateFile(name: "x.html", contentType: "text/html", size: 10).map(\.code) == ["unsupported-type"])
        #expect(ExecutionValidator.validateFile(name: "a.pdf", contentType: "application/pdf", size: ExecutionLimits.maxFileBytes + 1)
            .map(\.pointer) == ["/size"])
        #expect(ExecutionValidator.validateFile(name: "a.pdf", contentType: "application/pdf", size: 0).map(\.pointer) == ["/size"])
        #expect(ExecutionValidator.validateFile(name: "../etc/passwd", contentType: "application/pdf", size: 1).map(\.pointer) == ["/name"])
        #expect(ExecutionValidator.validateFile(name: "a\"b.pdf", contentType: "application/pdf", size: 1).map(\.pointer) == ["/name"])
    }

    // MARK: - Documentation period

    @Test func thePeriodFollowsTheCadence() throws {
        let today = try Self.date("2026-05-20")
        let monthly = try RealisationPeriod.period(containing: try Self.date("2026-04-10"), cadence: .monthly, year: 2026, startMonth: 1,
                                                   today: today)
        #expect(monthly.start.description == "2026-04-01" && monthly.end.description == "2026-04-30")
        let quarterly = try RealisationPeriod.period(containing: today, cadence: .quarterly, year: 2026, startMonth: 1, today: today)
        #expect(quarterly.start.description == "2026-04-01" && quarterly.end.description == "2026-06-30")
    }

    @Test func thePeriodMustLieInTheSKPAndHaveBegun() throws {
        let today = try Self.date("2026-05-20")
        for (date, startMonth, code) in [("2025-12-31", 1, "outside-skp"), ("2026-02-10", 3, "outside-skp"), ("2026-06-01", 1, "period-not-started")] {
            #expect {
                _ = try RealisationPeriod.period(containing: try Self.date(date), cadence: .monthly, year: 2026, startMonth: startMonth,
                                                 today: today)
            } throws: { error in
                guard case .invalid(let problems) = error as? ExecutionError else { return false }
                return problems.map(\.code) == [code] && problems.map(\.pointer) == ["/period"]
            }
        }
    }
}
