import Dispatch
import Foundation
import Kinerja
import Postgres
import Synchronization
import Testing
import TestSupport
@testable import Persistence

/// The SKP store against the real database as the application role: round trip, workflow with
/// history, audit and notifications in one transaction, revisions, immutability, RLS.
@Suite(.requiresDatabase) struct SKPStoreTests {
    let at = Date(timeIntervalSince1970: 1_767_600_000)  // 2026-01-05

    @Test func contentRoundTripsAndIsAudited() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let ruleSet = try SeededRuleSets.ruleSet(for: "tanah-laut")
        let store = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)
        let created = try store.create(tenant: tenant, org.newSKP(employee: org.staff[0], evaluator: org.pengawas, ruleSet: ruleSet),
                                       by: org.staff[0], at: at)
        #expect(created.status == .draft && created.revision == 1 && created.content.perilaku.count == 7)
        let content = SKPTestOrganisation.content(ruleSet: ruleSet)
        _ = try store.updateContent(tenant: tenant, id: created.id, content: content, by: org.staff[0], ruleSet: ruleSet, at: at)
        let found = try #require(try store.find(tenant: tenant, id: created.id))
        #expect(found.content == content)
        #expect(found.ruleSetVersion == "tanah-laut@1" && found.evaluatorID == org.pengawas)

        let audit = try AuditLog(pool: pool).entries(tenant: tenant, entity: "skp", entityID: created.id.uuidString.lowercased())
        #expect(audit.map(\.action) == ["edit", "create"])
        #expect(try AuditLog(pool: pool).verify(tenant: tenant).isIntact)

        // A second plan for the same year and start month is refused.
        #expect(throws: SKPStoreError.alreadyExists(existing: created.id)) {
            _ = try store.create(tenant: tenant, org.newSKP(employee: org.staff[0], evaluator: org.pengawas, ruleSet: ruleSet),
                                 by: org.staff[0], at: at)
        }
        // Only the employee edits; the evaluator is refused with the article.
        #expect(throws: SKPStoreError.self) {
            _ = try store.updateContent(tenant: tenant, id: created.id, content: content, by: org.pengawas, ruleSet: ruleSet, at: at)
        }
    }

    @Test func workflowRecordsHistoryAuditAndNotifications() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let ruleSet = try SeededRuleSets.ruleSet(for: "tanah-laut")
        let recorder = RecordingNotifier()
        let store = SKPStore(pool: pool, notifier: recorder.notifier)
        let employee = org.staff[0]
        let skp = try store.create(tenant: tenant, org.newSKP(employee: employee, evaluator: org.pengawas, ruleSet: ruleSet),
                                   by: employee, at: at)

        // An empty plan cannot be submitted: every problem with its pointer.
        #expect(throws: SKPStoreError.invalid([
            SKPValidationProblem(pointer: "/rhk", code: "required", message: "SKP wajib memiliki paling sedikit satu RHK utama."),
        ])) {
            _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: at)
        }
        _ = try store.updateContent(tenant: tenant, id: skp.id, content: SKPTestOrganisation.content(ruleSet: ruleSet),
                                    by: employee, ruleSet: ruleSet, at: at)
        _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: at)
        _ = try store.perform(.returnWithNotes("Target laporan terlalu rendah"), tenant: tenant, id: skp.id, by: org.pengawas,
                              ruleSet: ruleSet, at: at)
        _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: at)
        // The superior is not the evaluator: refused, nothing written.
        #expect(throws: SKPStoreError.self) {
            _ = try store.perform(.approve, tenant: tenant, id: skp.id, by: org.head, ruleSet: ruleSet, at: at)
        }
        let (approved, transition) = try store.perform(.approve, tenant: tenant, id: skp.id, by: org.pengawas,
                                                       ruleSet: ruleSet, at: at)
        #expect(approved.status == .approved && approved.approvedAt == at)
        #expect(transition.basis.article == "Pasal 13 ayat (1)")

        let history = try store.history(tenant: tenant, id: skp.id)
        #expect(history.map(\.action) == ["create", "submit", "return", "submit", "approve"])
        #expect(history[2].notes == "Target laporan terlalu rendah" && history[2].actorRole == .evaluator)
        #expect(recorder.recorded.map(\.kind) == ["skp.submitted", "skp.returned", "skp.submitted", "skp.approved"])
        #expect(recorder.recorded.map(\.recipientID) == [org.pengawas, employee, org.pengawas, employee])
        #expect(Set(recorder.recorded.map(\.uniqueKey)).count == 4)
        let audit = try AuditLog(pool: pool).entries(tenant: tenant, entity: "skp", entityID: skp.id.uuidString.lowercased())
        #expect(audit.count == 6)
    }

    @Test func aNotificationThatCannotBeQueuedRollsTheChangeBack() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let ruleSet = try SeededRuleSets.ruleSet(for: "tanah-laut")
        struct QueueDown: Error, Equatable {}
        let store = SKPStore(pool: pool, notifier: SKPNotifier { _, _ in throw QueueDown() })
        let skp = try store.create(tenant: tenant, org.newSKP(employee: org.staff[0], evaluator: org.pengawas, ruleSet: ruleSet),
                                   by: org.staff[0], at: at)
        _ = try store.updateContent(tenant: tenant, id: skp.id, content: SKPTestOrganisation.content(ruleSet: ruleSet),
                                    by: org.staff[0], ruleSet: ruleSet, at: at)
        #expect(throws: QueueDown()) {
            _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: org.staff[0], ruleSet: ruleSet, at: at)
        }
        #expect(try store.find(tenant: tenant, id: skp.id)?.status == .draft)
        #expect(try store.history(tenant: tenant, id: skp.id).count == 1)
    }

    @Test func revisionsKeepHistoryAndApprovedRevisionsAreImmutable() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let ruleSet = try SeededRuleSets.ruleSet(for: "pasuruan")
        let recorder = RecordingNotifier()
        let store = SKPStore(pool: pool, notifier: recorder.notifier)
        let employee = org.staff[0]
        let skp = try store.create(tenant: tenant, org.newSKP(employee: employee, evaluator: org.pengawas, ruleSet: ruleSet),
                                   by: employee, at: at)
        let first = SKPTestOrganisation.content(ruleSet: ruleSet)
        // Pasuruan: 'hari' is refused with the pointer and Pasal 10 huruf c.
        do {
            _ = try store.updateContent(tenant: tenant, id: skp.id, content: SKPTestOrganisation.content(ruleSet: ruleSet, timeUnit: "hari"),
                                        by: employee, ruleSet: ruleSet, at: at)
            Issue.record("hari accepted")
        } catch SKPStoreError.invalid(let problems) {
            #expect(problems.map(\.pointer) == ["/rhk/0/iki/1/unit"])
            #expect(problems.first?.basis?.article == "Pasal 10 huruf c")
        }
        _ = try store.updateContent(tenant: tenant, id: skp.id, content: first, by: employee, ruleSet: ruleSet, at: at)
        _ = try store.perform(.submit, tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: at)
        // Pasuruan Pasal 6 ayat (3): the evaluator cannot approve before the Pengelola Kinerja's review.
        #expect(throws: SKPStoreError.workflow(.invalidState(action: "approve", status: .submitted,
                                                              basis: LegalBasis(regulation: "Perbup Pasuruan 117/2019", article: "Pasal 6 ayat (3)")))) {
            _ = try store.perform(.approve, tenant: tenant, id: skp.id, by: org.pengawas, ruleSet: ruleSet, at: at)
        }
        let pengelola = UUID()
        _ = try store.perform(.review, tenant: tenant, id: skp.id, by: pengelola, pengelolaOf: [org.perangkatDaerah],
                              ruleSet: ruleSet, at: at)
        // The evaluator disagrees; the superior decides, finally.
        _ = try store.perform(.escalate, tenant: tenant, id: skp.id, by: org.pengawas, ruleSet: ruleSet, at: at)
        let (decided, _) = try store.perform(.decide(approve: true, notes: "Disetujui atasan"), tenant: tenant, id: skp.id,
                                             by: org.head, ruleSet: ruleSet, at: at)
        #expect(decided.status == .approved && decided.decided)

        // The approved revision cannot change, even by SQL as the application.
        for statement: PostgresQuery in ["DELETE FROM skp_iki WHERE skp_id = \(skp.id)",
                                         "UPDATE skp_revisions SET status = 'draft', approved_at = NULL WHERE skp_id = \(skp.id)"] {
            do {
                try pool.transaction(tenant: tenant) { c in _ = try c.query(statement) }
                Issue.record("approved revision changed")
            } catch let error as PostgresError {
                #expect(error.sqlState == "23000", "\(error)")
            }
        }
        #expect(throws: SKPStoreError.self) {
            _ = try store.updateContent(tenant: tenant, id: skp.id, content: first, by: employee, ruleSet: ruleSet, at: at)
        }

        // A revision during the year: revision 2 starts as a draft with the approved content.
        let revised = try store.revise(tenant: tenant, id: skp.id, by: employee, ruleSet: ruleSet, at: at)
        #expect(revised.revision == 2 && revised.status == .draft && revised.content == first)
        var second = first
        second.rhk[0].text = "Tersusunnya laporan kinerja bidang (revisi)"
        _ = try store.updateContent(tenant: tenant, id: skp.id, content: second, by: employee, ruleSet: ruleSet, at: at)
        let old = try #require(try store.revision(tenant: tenant, id: skp.id, number: 1))
        #expect(old.status == .approved && old.content == first)
        #expect(try store.find(tenant: tenant, id: skp.id)?.content == second)
        #expect(try store.history(tenant: tenant, id: skp.id).map(\.action)
                == ["create", "submit", "review", "escalate", "decide", "revise"])
        #expect(recorder.recorded.map(\.kind) == ["skp.submitted", "skp.reviewed", "skp.escalated", "skp.approved"])
        #expect(recorder.recorded[2].recipientID == org.head)
    }

    @Test func concurrentCreationsLeaveOnePlan() throws {
        let pool = try PersistenceFixture.appPool(maxConnections: 4)
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let ruleSet = try SeededRuleSets.ruleSet(for: "karawang")
        let store = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)
        let outcomes = Mutex<[String]>([])
        DispatchQueue.concurrentPerform(iterations: 4) { _ in
            let outcome: String
            do {
                _ = try store.create(tenant: tenant, org.newSKP(employee: org.staff[0], evaluator: org.pengawas, ruleSet: ruleSet),
                                     by: org.staff[0], at: at)
                outcome = "created"
            } catch SKPStoreError.alreadyExists {
                outcome = "exists"
            } catch {
                outcome = "\(error)"
            }
            outcomes.withLock { $0.append(outcome) }
        }
        #expect(outcomes.withLock { $0.sorted() } == ["created", "exists", "exists", "exists"])
    }

    @Test func tenantsDoNotSeeEachOthersPlans() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let a = try PersistenceFixture.makeTenant(), b = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: a)
        let ruleSet = try SeededRuleSets.ruleSet(for: "demak")
        let store = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)
        let skp = try store.create(tenant: a, org.newSKP(employee: org.staff[0], evaluator: org.pengawas, ruleSet: ruleSet),
                                   by: org.staff[0], at: at)
        #expect(try store.find(tenant: b, id: skp.id) == nil)
        #expect(throws: SKPStoreError.notFound(skp.id)) {
            _ = try store.perform(.submit, tenant: b, id: skp.id, by: org.staff[0], ruleSet: ruleSet, at: at)
        }
        let (visible, updated) = try pool.transaction(tenant: b) { c throws -> (Int, Int) in
            var visible = 0
            for table in ["skp", "skp_revisions", "skp_rhk", "skp_iki", "skp_perilaku", "skp_status_history"] {
                visible += try c.query("SELECT 1 FROM \(unescaped: table)").count
            }
            return (visible, try c.execute("UPDATE skp SET rule_set_version = 'x'"))
        }
        #expect(visible == 0 && updated == 0)
        // Writing a row for tenant A while tenant B is set fails the policy's WITH CHECK.
        #expect(throws: PostgresError.self) {
            try pool.transaction(tenant: b) { c in
                try c.query("""
                    INSERT INTO skp_status_history (tenant_id, skp_id, seq, revision, action, to_status, actor_id, actor_role, at)
                    VALUES (\(a), \(skp.id), 99, 1, 'submit', 'submitted', \(UUID()), 'other', now())
                    """)
            }
        }
    }
}
