import Foundation
import Testing
import TestSupport

/// The end-to-end story for each quadrant tenant (see `QuadrantCycle`), each on its own test tenant.
@Suite(.enabled(if: TestEnvironment.databaseURL != nil, "run scripts/test")) struct QuadrantCycleTests {
    /// The national window (PP 30/2019 Pasal 59): 14 calendar days from the receipt on Monday 16 March
    /// 10:00 WIB end on Monday 30 March 23:59:59 WIB; the late filing comes `late` after that.
    static func national(_ slug: String, late: String) -> QuadrantCycle {
        QuadrantCycle(slug: slug, skpBasis: ("PermenPANRB 6/2022", nil), hearingBasis: ("PP 30/2019", "Pasal 59"),
                      finalisedAt: CycleFixture.at("2026-03-16T03:00:00Z"),
                      lastInstant: CycleFixture.at("2026-03-30T16:59:00Z"), deadline: "2026-03-30T16:59:59Z",
                      window: (14, "calendar", "PP 30/2019", "Pasal 59"), lateInstant: CycleFixture.at(late))
    }

    /// Karawang: the national window; refused half a minute after it closes.
    @Test func karawang() async throws {
        try await Self.national("karawang", late: "2026-03-30T17:00:30Z").run()
    }

    /// Tanah Laut: 14 working days (Perbup Tanah Laut 2024 Pasal 35 huruf a) from the receipt on Monday
    /// 16 March 09:00 WITA, just before the Nyepi/Idul Fitri cluster: 17 March counts; 18–24 March
    /// (Nyepi, Idul Fitri and cuti bersama) and the weekends do not; 25–27 March, 30 March–2 April,
    /// 6–10 April and 13 April make the other 13 (Good Friday 3 April is a holiday) → Monday 13 April
    /// 23:59:59 WITA, two weeks after the 30 March that 14 calendar days would give.
    @Test func tanahLaut() async throws {
        try await QuadrantCycle(slug: "tanah-laut", skpBasis: ("Perbup Tanah Laut 2024", "Pasal 13 ayat (1)"),
                                hearingBasis: ("Perbup Tanah Laut 2024", "Pasal 35"),
                                finalisedAt: CycleFixture.at("2026-03-16T01:00:00Z"),
                                lastInstant: CycleFixture.at("2026-04-13T15:59:00Z"), deadline: "2026-04-13T15:59:59Z",
                                window: (14, "working", "Perbup Tanah Laut 2024", "Pasal 35 huruf a"),
                                lateInstant: CycleFixture.at("2026-04-14T00:30:00Z"),
                                skipped: ["2026-03-18", "2026-03-19", "2026-03-20", "2026-03-23", "2026-03-24", "2026-04-03"]).run()
    }

    /// Demak: the national window; refused the next morning.
    @Test func demak() async throws {
        try await Self.national("demak", late: "2026-03-31T01:00:00Z").run()
    }
}
