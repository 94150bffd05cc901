import Foundation
import Synchronization
import Kinerja
import Postgres
import Testing
import TestSupport
@testable import Persistence

@Suite(.requiresDatabase)
struct RuleSetStoreTests {
    let instant = Date(timeIntervalSince1970: 1_750_000_000)
    let actor = AuditActor.user(UUID())

    @Test func draftsAreNumberedPerTenantAndRoundTrip() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let other = try RuleSetFixture.makeTenant()
        let document = try RuleSetFixture.document(for: tenant)

        let first = try store.createDraft(tenant: tenant, document: document, legalNote: "uji", by: actor, at: instant)
        let second = try store.createDraft(tenant: tenant, document: document, by: actor, at: instant)
        let elsewhere = try store.createDraft(tenant: other, document: try RuleSetFixture.document(for: other),
                                              by: actor, at: instant)

        #expect([first.number, second.number, elsewhere.number] == [Int]([1, 2, 1]))
        #expect(first.version.status == .draft)
        #expect(first.legalNote == "uji")
        #expect(second.legalNote == nil)
        #expect(first.ruleSet == (try RuleSet.parse(document)))
        #expect(try store.version(tenant: tenant.id, number: 1) == first)
        #expect(try store.versions(tenant: tenant.id).map(\.number) == [1, 2])
    }

    @Test func invalidDocumentsReportEveryIssueWithItsPath() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let broken = try RuleSetFixture.document(for: tenant) { object in
            object["periodicEvaluation"] = ["cadence": "fortnightly", "basis": ["regulation": "x"]]
            object["colour"] = "blue"
        }
        let error = try #require(throws: RuleSetStoreError.self) {
            try store.createDraft(tenant: tenant, document: broken, by: actor, at: instant)
        }
        guard case .invalidDocument(let failure) = error else { Issue.record("\(error)"); return }
        #expect(Set(failure.issues.map(\.path)) == ["$.periodicEvaluation.cadence", "$.colour"])

        // A valid rule set of another tenant, or in another zone, is refused for this one.
        let foreign = try RuleSetFixture.document(for: tenant) { object in
            object["tenant"] = "demak"
            object["timeZone"] = "Asia/Makassar"
        }
        let mismatch = try #require(throws: RuleSetStoreError.self) {
            try store.createDraft(tenant: tenant, document: foreign, by: actor, at: instant)
        }
        #expect(mismatch == .invalidDocument(ValidationFailure(issues: [
            ValidationIssue(path: "$.tenant", code: .inconsistent,
                            message: "aturan ini untuk tenant 'demak', bukan '\(tenant.slug)'"),
            ValidationIssue(path: "$.timeZone", code: .inconsistent,
                            message: "zona waktu tenant \(tenant.slug) adalah Asia/Jakarta, bukan Asia/Makassar"),
        ])))
        #expect(try store.versions(tenant: tenant.id).isEmpty)
    }

    @Test func publishedVersionsRefuseEditsThroughTheStore() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let draft = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant),
                                          by: actor, at: instant)
        let edited = try store.updateDraft(tenant: tenant, number: draft.number,
                                           document: try RuleSetFixture.document(for: tenant, filingDays: 10), by: actor, at: instant)
        #expect(edited.ruleSet.objection.filingWindow.days == 10)

        let publication = try store.publish(tenant: tenant, number: draft.number, validFrom: try civil("2025-01-01"),
                                            by: actor, at: instant)
        #expect(publication.published.version.status == .published)
        #expect(publication.published.publishedBy == actor.description)
        #expect(publication.closed == nil)

        #expect(throws: RuleSetStoreError.refused(.publishedVersionIsImmutable(number: draft.number))) {
            try store.updateDraft(tenant: tenant, number: draft.number,
                                  document: try RuleSetFixture.document(for: tenant, filingDays: 20), by: actor, at: instant)
        }
        #expect(throws: RuleSetStoreError.refused(.publishedVersionIsImmutable(number: draft.number))) {
            try store.publish(tenant: tenant, number: draft.number, validFrom: try civil("2026-01-01"),
                              by: actor, at: instant)
        }
        #expect(throws: RuleSetStoreError.versionNotFound(9)) {
            try store.updateDraft(tenant: tenant, number: 9, document: try RuleSetFixture.document(for: tenant),
                                  by: actor, at: instant)
        }
        #expect(try store.version(tenant: tenant.id, number: draft.number)?.ruleSet.objection.filingWindow.days == 10)
        // Every accepted write is in the tenant's audit log; the refused ones are not.
        let entries = try AuditLog(pool: pool).entries(tenant: tenant.id, entity: "rule_set_version", entityID: "1")
        #expect(Array(entries.map(\.action).reversed()) == ["create", "edit", "publish"])
        #expect(entries.allSatisfy { $0.actor == actor.description })
    }

    @Test(arguments: [
        ("document", "UPDATE rule_set_versions SET document = document || '{\"name\": \"diubah\"}'"),
        ("valid_from", "UPDATE rule_set_versions SET valid_from = valid_from - 1"),
        ("status", "UPDATE rule_set_versions SET status = 'draft', valid_from = NULL, published_by = NULL, published_at = NULL"),
        ("reopen", "UPDATE rule_set_versions SET valid_until = NULL"),
        ("re-close", "UPDATE rule_set_versions SET valid_until = valid_until + 1"),
    ])
    func publishedVersionsRefuseDirectUpdatesByTheAppRole(change: String, sql: String) throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let draft = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant),
                                          by: actor, at: instant)
        _ = try store.publish(tenant: tenant, number: draft.number, validFrom: try civil("2025-01-01"),
                              validUntil: try civil("2025-12-31"), by: actor, at: instant)

        let error = try #require(throws: PostgresError.self) {
            try RuleSetFixture.asApp(tenant: tenant.id) { connection in
                try connection.execute(PostgresQuery(unsafeSQL: sql))
            }
        }
        #expect(error.sqlState == "KR001", "\(change): \(error.debugMessage)")
        // The app role may not delete versions at all.
        let delete = try #require(throws: PostgresError.self) {
            try RuleSetFixture.asApp(tenant: tenant.id) { connection in
                try connection.execute("DELETE FROM rule_set_versions")
            }
        }
        #expect(delete.sqlState == "42501")
    }

    @Test func closingAnOpenRangeOnceIsTheOnlyChangeAllowed() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let draft = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant),
                                          by: actor, at: instant)
        _ = try store.publish(tenant: tenant, number: draft.number, validFrom: try civil("2025-01-01"),
                              by: actor, at: instant)
        let changed = try RuleSetFixture.asApp(tenant: tenant.id) { connection in
            try connection.execute("UPDATE rule_set_versions SET valid_until = '2025-06-30'")
        }
        #expect(changed == 1)
    }

    @Test func overlappingValidityIsRefused() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let document = try RuleSetFixture.document(for: tenant)
        let first = try store.createDraft(tenant: tenant, document: document, by: actor, at: instant)
        let second = try store.createDraft(tenant: tenant, document: document, by: actor, at: instant)
        _ = try store.publish(tenant: tenant, number: first.number, validFrom: try civil("2025-01-01"),
                              validUntil: try civil("2025-12-31"), by: actor, at: instant)

        let error = try #require(throws: RuleSetStoreError.self) {
            try store.publish(tenant: tenant, number: second.number, validFrom: try civil("2025-06-01"),
                              by: actor, at: instant)
        }
        guard case .refused(.overlap(let conflict)) = error else { Issue.record("\(error)"); return }
        #expect(conflict.overlapFrom == (try civil("2025-06-01")))
        #expect(conflict.overlapUntil == (try civil("2025-12-31")))
        #expect(try store.version(tenant: tenant.id, number: second.number)?.version.status == .draft)

        // The database refuses the same overlap when a program bypasses the store.
        let direct = try #require(throws: PostgresError.self) {
            try RuleSetFixture.asApp(tenant: tenant.id) { connection in
                try connection.execute("""
                    UPDATE rule_set_versions
                       SET status = 'published', valid_from = '2025-12-31', published_by = 'x', published_at = now()
                     WHERE version = \(second.number)
                    """)
            }
        }
        #expect(direct.sqlState == "KR002", "\(direct.debugMessage)")
        // The day after the first ends is free.
        let next = try store.publish(tenant: tenant, number: second.number, validFrom: try civil("2026-01-01"),
                                     by: actor, at: instant)
        #expect(next.closed == nil)
    }

    @Test func concurrentPublicationsOfOneDayLetExactlyOneWin() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let document = try RuleSetFixture.document(for: tenant)
        let numbers = try (0..<4).map { _ in try store.createDraft(tenant: tenant, document: document, by: actor, at: instant).number }
        let day = try civil("2025-03-01")
        let results = Mutex<[Bool]>([])
        DispatchQueue.concurrentPerform(iterations: numbers.count) { index in
            let ok = (try? store.publish(tenant: tenant, number: numbers[index], validFrom: day, by: actor,
                                         at: instant)) != nil
            results.withLock { $0.append(ok) }
        }
        #expect(results.withLock { $0.filter { $0 }.count } == 1)
        #expect(try store.versions(tenant: tenant.id).filter { $0.version.status == .published }.count == 1)
    }

    @Test func theVersionInForceFollowsTheBoundaries() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let first = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant),
                                          by: actor, at: instant)
        let second = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant, filingDays: 7),
                                           by: actor, at: instant)
        _ = try store.publish(tenant: tenant, number: first.number, validFrom: try civil("2024-01-01"),
                              by: actor, at: instant)
        let publication = try store.publish(tenant: tenant, number: second.number, validFrom: try civil("2025-01-01"),
                                            by: actor, at: instant)
        #expect(publication.closed?.number == first.number)
        #expect(publication.closed?.version.validUntil == (try civil("2024-12-31")))

        let expected: [(String, Int?)] = [
            ("2023-12-31", nil), ("2024-01-01", 1), ("2024-12-31", 1), ("2025-01-01", 2), ("2031-06-15", 2),
        ]
        for (date, number) in expected {
            #expect(try store.inForce(tenant: tenant.id, on: try civil(date))?.number == number, "on \(date)")
        }
        // A draft is never in force, and another tenant's versions never are.
        _ = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant), by: actor, at: instant)
        #expect(try store.inForce(tenant: tenant.id, on: try civil("2025-01-01"))?.number == 2)
        #expect(try store.inForce(tenant: try RuleSetFixture.makeTenant().id, on: try civil("2025-01-01")) == nil)
    }

    @Test func tenantsCannotSeeOrWriteEachOthersVersions() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let a = try RuleSetFixture.makeTenant()
        let b = try RuleSetFixture.makeTenant()
        _ = try store.createDraft(tenant: a, document: try RuleSetFixture.document(for: a), by: actor, at: instant)

        #expect(try store.versions(tenant: b.id).isEmpty)
        // Even a query that forgets `WHERE tenant_id` sees only the transaction's tenant, and no tenant sees nothing.
        let seenByB = try RuleSetFixture.asApp(tenant: b.id) { connection in
            try #require(try connection.query("SELECT count(*) FROM rule_set_versions").first).decode(Int.self, at: 0)
        }
        let seenByNobody = try RuleSetFixture.asApp(tenant: nil) { connection in
            try #require(try connection.query("SELECT count(*) FROM rule_set_versions").first).decode(Int.self, at: 0)
        }
        #expect(seenByB == 0)
        #expect(seenByNobody == 0)
        // Writing A's row from B's transaction breaks the policy's WITH CHECK.
        let error = try #require(throws: PostgresError.self) {
            try RuleSetFixture.asApp(tenant: b.id) { connection in
                try connection.execute("""
                    INSERT INTO rule_set_versions (tenant_id, version, status, document, created_by)
                    VALUES (\(a.id), 99, 'draft', '{}', 'x')
                    """)
            }
        }
        #expect(error.sqlState == "42501")
    }

    @Test func diffListsTheChangedPaths() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let store = RuleSetStore(pool: pool)
        let tenant = try RuleSetFixture.makeTenant()
        let first = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant),
                                          by: actor, at: instant)
        let second = try store.createDraft(tenant: tenant, document: try RuleSetFixture.document(for: tenant, filingDays: 21),
                                           by: actor, at: instant)
        #expect(try store.diff(tenant: tenant.id, first.number, second.number) == ["$.objection.filingWindow.days"])
        #expect(try store.diff(tenant: tenant.id, first.number, first.number).isEmpty)
        #expect(throws: RuleSetStoreError.versionNotFound(7)) { try store.diff(tenant: tenant.id, first.number, 7) }
    }
}
