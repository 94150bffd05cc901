import Foundation
import Testing
@testable import Kinerja

@Suite("Rule-set versions")
struct RuleSetVersionTests {
    private let now = Date(timeIntervalSince1970: 1_764_000_000)

    private func version(_ number: Int, from: String, until: String?, tenant: String = "tanah-laut") throws -> RuleSetVersion {
        try RuleSetVersion.draft(number: number, ruleSet: try SeededRuleSets.ruleSet(for: tenant))
            .published(validFrom: day(from), validUntil: until.map(day), at: now)
    }

    @Test("a version's reference is slug@number and reads back", arguments: [
        ("karawang@3", 3), ("tanah-laut@12", 12), ("7", 7), ("karawang@", nil), ("karawang@x", nil), ("", nil),
    ] as [(String, Int?)])
    func reference(text: String, number: Int?) throws {
        #expect(RuleSetVersion.number(inReference: text) == number)
        let version = try version(4, from: "2026-01-01", until: nil)
        #expect(version.reference == "tanah-laut@4")
        #expect(RuleSetVersion.number(inReference: version.reference) == 4)
    }

    @Test("a published version refuses edits")
    func immutable() throws {
        let ruleSet = try SeededRuleSets.ruleSet(for: "tanah-laut")
        var edited = ruleSet
        edited.objection.filingWindow.days = 10
        let draft = RuleSetVersion.draft(number: 1, ruleSet: ruleSet)
        #expect(try draft.editing(edited).ruleSet.objection.filingWindow.days == 10)
        let published = try draft.published(validFrom: day("2024-08-05"), at: now)
        #expect(throws: RuleSetVersionError.publishedVersionIsImmutable(number: 1)) { try published.editing(edited) }
        #expect(throws: RuleSetVersionError.publishedVersionIsImmutable(number: 1)) {
            try published.published(validFrom: day("2025-01-01"), at: now)
        }
        #expect(published.ruleSet == ruleSet)
        #expect(published.publishedAt == now)
    }

    @Test("a draft only takes its own tenant's rules")
    func tenantMismatch() throws {
        let draft = RuleSetVersion.draft(number: 1, ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut"))
        #expect(throws: RuleSetVersionError.tenantMismatch(expected: "tanah-laut", found: "demak")) {
            try draft.editing(try SeededRuleSets.ruleSet(for: "demak"))
        }
    }

    @Test("overlapping validity is found", arguments: [
        // (from, until) pairs of versions 1 and 2 → expected conflict "first second from until"
        ("2024-08-05", nil, "2025-01-01", nil, ["1 2 2025-01-01 -"]),
        ("2024-08-05", "2024-12-31", "2025-01-01", nil, []),
        ("2024-08-05", "2025-01-01", "2025-01-01", nil, ["1 2 2025-01-01 2025-01-01"]),   // one shared day
        ("2025-01-01", "2025-06-30", "2024-08-05", "2025-03-31", ["2 1 2025-01-01 2025-03-31"]),
        ("2025-01-01", nil, "2025-01-01", "2025-12-31", ["1 2 2025-01-01 2025-12-31"]),
    ] as [(String, String?, String, String?, [String])])
    func overlaps(from1: String, until1: String?, from2: String, until2: String?, expected: [String]) throws {
        let versions = [try version(1, from: from1, until: until1), try version(2, from: from2, until: until2)]
        let conflicts = RuleSetVersionHistory.conflicts(in: versions)
        #expect(conflicts.map { "\($0.first) \($0.second) \($0.overlapFrom) \($0.overlapUntil?.description ?? "-")" }
                == expected)
    }

    @Test("other tenants and drafts never conflict")
    func noCrossTenantConflict() throws {
        let versions = [try version(1, from: "2024-08-05", until: nil),
                        try version(1, from: "2024-08-05", until: nil, tenant: "demak"),
                        RuleSetVersion.draft(number: 2, ruleSet: try SeededRuleSets.ruleSet(for: "demak"))]
        #expect(RuleSetVersionHistory.conflicts(in: versions).isEmpty)
    }

    @Test("publishing closes the open-ended predecessor, and refuses an overlap")
    func publish() throws {
        let first = try version(1, from: "2024-08-05", until: nil)
        let draft = RuleSetVersion.draft(number: 2, ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut"))
        let publication = try RuleSetVersionHistory.publish(draft, validFrom: day("2025-01-01"), at: now,
                                                            existing: [first])
        #expect(publication.closed?.validUntil == day("2024-12-31"))
        #expect(publication.published.validFrom == day("2025-01-01"))

        // Backdating into a closed range is refused with the conflict.
        let history = [try #require(publication.closed), publication.published]
        let backdated = RuleSetVersion.draft(number: 3, ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut"))
        #expect(throws: RuleSetVersionError.overlap(ValidityConflict(
            tenant: "tanah-laut", first: 1, second: 3, overlapFrom: day("2024-10-01"), overlapUntil: day("2024-10-31")))) {
            try RuleSetVersionHistory.publish(backdated, validFrom: day("2024-10-01"), validUntil: day("2024-10-31"),
                                              at: now, existing: history)
        }
    }

    @Test("a closed version cannot be closed again")
    func closeOnce() throws {
        let closed = try version(1, from: "2024-08-05", until: "2024-12-31")
        #expect(throws: RuleSetVersionError.publishedVersionIsImmutable(number: 1)) {
            try closed.closing(through: day("2024-10-01"))
        }
    }

    @Test("the version in force on a date", arguments: [
        ("2024-08-04", nil as Int?), ("2024-08-05", 1), ("2024-12-31", 1), ("2025-01-01", 2), ("2030-01-01", 2),
    ])
    func inForce(date: String, expected: Int?) throws {
        let versions = [try version(1, from: "2024-08-05", until: "2024-12-31"),
                        try version(2, from: "2025-01-01", until: nil),
                        RuleSetVersion.draft(number: 3, ruleSet: try SeededRuleSets.ruleSet(for: "tanah-laut"))]
        #expect(RuleSetVersionHistory.inForce(on: day(date), tenant: "tanah-laut", among: versions)?.number == expected)
    }
}
