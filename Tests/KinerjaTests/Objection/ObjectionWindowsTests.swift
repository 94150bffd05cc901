import Foundation
import Testing
@testable import Kinerja

/// The objection windows under the seeded rule sets: PP 30/2019 Pasal 59 (14 calendar days, no
/// decision window) and Perbup Tanah Laut 2024 Pasal 35 (14 working days to file, 7 to decide),
/// with the 2026 national holidays (Nyepi and Idul Fitri 1447 H: 18–24 March all off; Good Friday 3 April).
@Suite("Objection windows")
struct ObjectionWindowsTests {
    private let formatter = ISO8601DateFormatter()

    private func instant(_ text: String) -> Date { formatter.date(from: text) ?? .distantPast }

    @Test("filing deadlines: receipt day not counted, end of the Nth counted day in tenant time", arguments: [
        // National (Karawang, WIB): calendar days ignore holidays and weekends.
        ("karawang", "Asia/Jakarta", "2026-03-02T03:00:00Z", "2026-03-16", "2026-03-16T16:59:59Z"),
        ("karawang", "Asia/Jakarta", "2026-03-16T03:00:00Z", "2026-03-30", "2026-03-30T16:59:59Z"),
        // Tanah Laut (WITA): Monday 16 March, then Tuesday 17 counts, 18–24 March are skipped, Good Friday too.
        ("tanah-laut", "Asia/Makassar", "2026-03-16T01:00:00Z", "2026-04-13", "2026-04-13T15:59:59Z"),
        // Thursday 26 February: weekends, then the cluster at the end of the count.
        ("tanah-laut", "Asia/Makassar", "2026-02-26T01:00:00Z", "2026-03-25", "2026-03-25T15:59:59Z"),
        // Friday 23:30 WIB is Saturday 00:30 WITA: the count starts from Saturday in Tanah Laut.
        ("tanah-laut", "Asia/Makassar", "2026-03-13T16:30:00Z", "2026-04-10", "2026-04-10T15:59:59Z"),
        ("tanah-laut", "Asia/Jakarta", "2026-03-13T16:30:00Z", "2026-04-10", "2026-04-10T16:59:59Z"),
    ])
    func filing(slug: String, zone: String, received: String, due: String, dueInstant: String) throws {
        let rules = try SeededRuleSets.ruleSet(for: slug).objection
        let deadline = ObjectionWindows.filing(receivedAt: instant(received), timeZone: try #require(TimeZone(identifier: zone)),
                                               rules: rules, holidays: NationalHolidays.seeded)
        #expect(deadline.value.due == day(due))
        #expect(deadline.value.dueInstant == instant(dueInstant))
        #expect(deadline.explanation.steps.contains { $0.basis == rules.filingWindow.basis })
    }

    @Test("Tanah Laut decision deadlines: 7 working days from the filing; none nationally", arguments: [
        ("tanah-laut", "2026-03-17T02:00:00Z", "2026-04-02"),   // 18–24 March skipped
        ("tanah-laut", "2026-07-01T02:00:00Z", "2026-07-10"),   // one weekend
        ("tanah-laut", "2026-07-03T02:00:00Z", "2026-07-14"),   // filed on a Friday: two weekends
        ("tanah-laut", "2026-04-23T02:00:00Z", "2026-05-05"),   // 1 May
        ("karawang", "2026-03-17T02:00:00Z", nil),
    ] as [(String, String, String?)])
    func decision(slug: String, filed: String, due: String?) throws {
        let rules = try SeededRuleSets.ruleSet(for: slug).objection
        let zone = try #require(TimeZone(identifier: "Asia/Makassar"))
        let deadline = ObjectionWindows.decision(filedAt: instant(filed), timeZone: zone, rules: rules, holidays: NationalHolidays.seeded)
        #expect(deadline?.value.due == due.map(day))
        #expect(deadline?.value.dueInstant == due.map { day($0).endInstant(in: zone) })
    }

    @Test("late by one second at 23:59:59 WITA, in time in WIB at the same instant", arguments: [
        ("Asia/Makassar", "2026-04-10T15:59:59Z", false),
        ("Asia/Makassar", "2026-04-10T16:00:00Z", true),    // Saturday 00:00 WITA
        ("Asia/Jakarta", "2026-04-10T16:00:00Z", false),    // still Friday 23:00 WIB
        ("Asia/Jakarta", "2026-04-10T17:00:00Z", true),
    ])
    func lateness(zone: String, filed: String, late: Bool) throws {
        let rules = try SeededRuleSets.ruleSet(for: "tanah-laut").objection
        let timeline = ObjectionWindows.timeline(receivedAt: instant("2026-03-13T16:30:00Z"), filedAt: instant(filed),
                                                 timeZone: try #require(TimeZone(identifier: zone)), rules: rules,
                                                 holidays: NationalHolidays.seeded)
        #expect(timeline.isLate == late)
        #expect(timeline.decision != nil)
    }

    @Test("a late filing is refused naming the deadline, the window and the article")
    func lateRefusal() throws {
        let rules = try SeededRuleSets.ruleSet(for: "tanah-laut").objection
        let timeline = ObjectionWindows.timeline(receivedAt: instant("2026-03-16T01:00:00Z"), filedAt: instant("2026-04-14T01:00:00Z"),
                                                 timeZone: try #require(TimeZone(identifier: "Asia/Makassar")), rules: rules,
                                                 holidays: NationalHolidays.seeded)
        #expect(timeline.isLate)
        let refusal = ObjectionRefusal.filingWindowPassed(timeline)
        #expect(refusal.code == "objection-filing-window-passed")
        #expect(refusal.message.contains("14 hari kerja"))
        #expect(refusal.message.contains("2026-04-13"))
        #expect(refusal.message.hasSuffix("(Perbup Tanah Laut 2024 Pasal 35 huruf a)"))
    }

    @Test("the procedure's article", arguments: [
        ("tanah-laut", "Perbup Tanah Laut 2024 Pasal 35"), ("karawang", "PP 30/2019 Pasal 59"), ("pasuruan", "PP 30/2019 Pasal 59"),
    ])
    func procedure(slug: String, expected: String) throws {
        #expect(ObjectionWindows.procedureBasis(try SeededRuleSets.ruleSet(for: slug).objection).description == expected)
    }

    @Test("a changing decision recomputes the predikat with its explanation and refuses no change")
    func quadrantRevision() throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: "tanah-laut")
        let procedure = ObjectionWindows.procedureBasis(ruleSet.objection)
        let previous = ObjectionResult(predikat: "butuh-perbaikan", hasilKerjaRating: .diBawahEkspektasi,
                                       perilakuKerjaRating: .sesuaiEkspektasi)
        let objection = UUID()
        let revised = try ObjectionRevision.quadrant(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi,
                                                     previous: previous, ruleSet: ruleSet, procedure: procedure, objection: objection)
        #expect(revised.value.predikat == "baik")
        #expect(revised.explanation.steps.first?.basis == procedure)
        #expect(revised.explanation.steps.last?.basis == ruleSet.evaluation.basis)
        #expect(throws: ObjectionRefusal.resultUnchanged(basis: procedure)) {
            try ObjectionRevision.quadrant(hasilKerja: .diBawahEkspektasi, perilakuKerja: .sesuaiEkspektasi, previous: previous,
                                           ruleSet: ruleSet, procedure: procedure, objection: objection)
        }
    }
}
