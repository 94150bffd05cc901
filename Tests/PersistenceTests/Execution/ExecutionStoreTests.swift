import Foundation
import Kinerja
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Persistence

/// The execution store against the real database as the application role: plans, realisations
/// with evidence and the lock the evaluation sets, feedback, coaching, takeovers, notifications in
/// the same transaction, and row-level security.
@Suite(.requiresDatabase) struct ExecutionStoreTests {
    let at = Date(timeIntervalSince1970: 1_767_600_000)  // 2026-01-05
    static let plan = RHKExecutionPlan(
        timeline: RHKTimeline(months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], duration: 1, durationUnit: .minggu, activityType: .rutin,
                              assignmentPattern: .mandiri),
        rencanaAksi: [RencanaAksi(text: "Menghimpun data bulanan", months: [1, 2, 3]), RencanaAksi(text: "Menyusun laporan", months: [12])])

    /// A tenant with the small organisation and an approved SKP of the first staff member (evaluator:
    /// the Pengawas; superior: the head), whose one RHK has two IKI.
    struct Setup {
        let pool: PostgresPool
        let tenant: UUID
        let org: SKPTestOrganisation
        let skp: SKP
        let rhk: UUID
        let recorder: RecordingNotifier
        let store: ExecutionStore
        var employee: UUID { org.staff[0] }
    }

    func setUp(approve: Bool = true) throws -> Setup {
        let pool = try PersistenceFixture.appPool()
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let ruleSet = try SeededRuleSets.ruleSet(for: "tanah-laut")
        let skps = SKPStore(pool: pool, notifier: RecordingNotifier().notifier)
        let rhk = UUID()
        var skp = try skps.create(tenant: tenant, org.newSKP(employee: org.staff[0], evaluator: org.pengawas, ruleSet: ruleSet),
                                  by: org.staff[0], at: at)
        skp = try skps.updateContent(tenant: tenant, id: skp.id, content: SKPTestOrganisation.content(ruleSet: ruleSet, rhkID: rhk),
                                     by: org.staff[0], ruleSet: ruleSet, at: at)
        if approve {
            _ = try skps.perform(.submit, tenant: tenant, id: skp.id, by: org.staff[0], ruleSet: ruleSet, at: at)
            skp = try skps.perform(.approve, tenant: tenant, id: skp.id, by: org.pengawas, ruleSet: ruleSet, at: at).skp
        }
        let recorder = RecordingNotifier()
        return Setup(pool: pool, tenant: tenant, org: org, skp: skp, rhk: rhk, recorder: recorder,
                     store: ExecutionStore(pool: pool, notifier: recorder.notifier))
    }

    static func date(_ text: String) throws -> CivilDate { try #require(CivilDate(iso: text)) }

    @Test func plansNeedAnApprovedSKPAndOnlyTheEmployeeWritesThem() throws {
        let draft = try setUp(approve: false)
        defer { draft.pool.close() }
        #expect(throws: ExecutionError.skpNotApproved) {
            _ = try draft.store.writePlan(tenant: draft.tenant, skp: draft.skp.id, rhk: draft.rhk, plan: Self.plan, by: draft.employee, at: at)
        }

        let s = try setUp()
        defer { s.pool.close() }
        _ = try s.store.writePlan(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, plan: Self.plan, by: s.employee, at: at)
        // The evaluator and the evaluator's superior read it; someone with no part does not see the SKP.
        for reader in [s.org.pengawas, s.org.head, s.employee] {
            let overview = try s.store.overview(tenant: s.tenant, skp: s.skp.id, by: reader)
            #expect(overview.revision == 1 && overview.items.map(\.rhk.id) == [s.rhk] && overview.items[0].plan == Self.plan)
        }
        #expect(throws: ExecutionError.skpNotFound) { _ = try s.store.overview(tenant: s.tenant, skp: s.skp.id, by: s.org.staff[1]) }
        #expect(throws: ExecutionError.notPermitted(action: .writePlan, actor: .evaluator, allowed: [.employee])) {
            _ = try s.store.writePlan(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, plan: Self.plan, by: s.org.pengawas, at: at)
        }
        #expect(throws: ExecutionError.rhkNotFound(s.skp.id)) {
            _ = try s.store.writePlan(tenant: s.tenant, skp: s.skp.id, rhk: s.skp.id, plan: Self.plan, by: s.employee, at: at)
        }
        // Rewritten whole: the second plan replaces the first, action plans included.
        var second = Self.plan
        second.rencanaAksi = [RencanaAksi(text: "Satu aksi saja", months: [6])]
        _ = try s.store.writePlan(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, plan: second, by: s.employee, at: at)
        #expect(try s.store.overview(tenant: s.tenant, skp: s.skp.id, by: s.employee).items[0].plan == second)
        let audit = try AuditLog(pool: s.pool).entries(tenant: s.tenant, entity: "rhk_timeline", entityID: s.rhk.uuidString.lowercased())
        #expect(audit.map(\.action) == ["edit", "create"])
    }

    @Test func realisationsArePerIKIAndPeriodAndFreezeWhenTheEvaluationIsFinal() throws {
        let s = try setUp()
        defer { s.pool.close() }
        let today = try Self.date("2026-04-15")
        let march = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 0, on: try Self.date("2026-03-10"),
                                         cadence: .monthly, today: today, entry: RealisationEntry(value: 3, links: ["https://example.org/a"]),
                                         by: s.employee, at: at)
        #expect(march.period.start.description == "2026-03-01" && march.period.end.description == "2026-03-31")
        #expect(throws: ExecutionError.realisationExists(existing: march.id)) {
            _ = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 0, on: try Self.date("2026-03-31"), cadence: .monthly,
                                     today: today, entry: RealisationEntry(value: 4), by: s.employee, at: at)
        }
        #expect(throws: ExecutionError.self) {  // the RHK has two IKI: 0 and 1
            _ = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 2, on: today, cadence: .monthly, today: today,
                                     entry: RealisationEntry(value: 1), by: s.employee, at: at)
        }
        #expect(throws: ExecutionError.notPermitted(action: .writeRealisation, actor: .evaluator, allowed: [.employee])) {
            _ = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 1, on: today, cadence: .monthly, today: today,
                                     entry: RealisationEntry(value: 1), by: s.org.pengawas, at: at)
        }
        let april = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 1, on: today, cadence: .monthly, today: today,
                                         entry: RealisationEntry(text: "Tepat waktu"), by: s.employee, at: at)
        let corrected = try s.store.correct(tenant: s.tenant, realisation: march.id, entry: RealisationEntry(value: 4, text: "Dikoreksi"),
                                            by: s.employee, at: at.addingTimeInterval(60))
        #expect(corrected.entry == RealisationEntry(value: 4, text: "Dikoreksi") && corrected.updatedAt == at.addingTimeInterval(60))

        // Evidence: bytes with their hash, readable by the employee, the evaluator and the superior only.
        let bytes = Array("%PDF-1.4 bukti".utf8)
        let file = try s.store.addFile(tenant: s.tenant, realisation: march.id, name: "bukti maret.pdf", contentType: "application/pdf",
                                       bytes: bytes, by: s.employee, at: at)
        #expect(file.sha256 == SHA256.hex(bytes) && file.size == bytes.count)
        for reader in [s.employee, s.org.pengawas, s.org.head] {
            #expect(try s.store.download(tenant: s.tenant, realisation: march.id, file: file.id, by: reader).bytes == bytes)
        }
        #expect(throws: ExecutionError.realisationNotFound) {
            _ = try s.store.download(tenant: s.tenant, realisation: march.id, file: file.id, by: s.org.staff[1])
        }
        #expect(throws: ExecutionError.self) {
            _ = try s.store.addFile(tenant: s.tenant, realisation: march.id, name: "x.html", contentType: "text/html", bytes: bytes,
                                    by: s.employee, at: at)
        }

        // The evaluation's query: one SKP, one period, typed; a quarter includes its months.
        let marchPeriod = EvaluationPeriod(containing: try Self.date("2026-03-01"), cadence: .monthly)
        let forMarch = try s.store.realisations(tenant: s.tenant, skp: s.skp.id, period: marchPeriod)
        #expect(forMarch.map(\.id) == [march.id] && forMarch[0].files == [file] && forMarch[0].entry.value == 4)
        let firstHalf = EvaluationPeriod(containing: try Self.date("2026-03-01"), cadence: .semiannual)
        #expect(Set(try s.store.realisations(tenant: s.tenant, skp: s.skp.id, period: firstHalf).map(\.id)) == [march.id, april.id])

        // Final evaluation of March: locked, then nothing changes any more, in the store or in SQL.
        #expect(try s.store.lockRealisations(tenant: s.tenant, skp: s.skp.id, period: marchPeriod, at: at) == 1)
        #expect(throws: ExecutionError.realisationLocked(since: at)) {
            _ = try s.store.correct(tenant: s.tenant, realisation: march.id, entry: RealisationEntry(value: 9), by: s.employee, at: at)
        }
        #expect(throws: ExecutionError.realisationLocked(since: at)) {
            _ = try s.store.addFile(tenant: s.tenant, realisation: march.id, name: "b.pdf", contentType: "application/pdf", bytes: bytes,
                                    by: s.employee, at: at)
        }
        #expect(throws: ExecutionError.realisationLocked(since: at)) {
            try s.store.removeFile(tenant: s.tenant, realisation: march.id, file: file.id, by: s.employee, at: at)
        }
        #expect(throws: PostgresError.self) {
            try s.pool.transaction(tenant: s.tenant) { c in try c.query("UPDATE realisations SET value = 9 WHERE id = \(march.id)") }
        }
        #expect(throws: PostgresError.self) {
            try s.pool.transaction(tenant: s.tenant) { c in try c.query("DELETE FROM realisation_files WHERE id = \(file.id)") }
        }
        // April is still open: at most five files, then a clear refusal.
        for n in 0..<ExecutionLimits.maxFilesPerRealisation {
            _ = try s.store.addFile(tenant: s.tenant, realisation: april.id, name: "foto-\(n).png", contentType: "image/png", bytes: [UInt8(n)],
                                    by: s.employee, at: at)
        }
        #expect(throws: ExecutionError.tooManyFiles) {
            _ = try s.store.addFile(tenant: s.tenant, realisation: april.id, name: "lagi.png", contentType: "image/png", bytes: [1],
                                    by: s.employee, at: at)
        }
        try s.store.removeFile(tenant: s.tenant, realisation: april.id, file: try #require(
            try s.store.realisations(tenant: s.tenant, skp: s.skp.id, within: nil, by: s.employee).first { $0.id == april.id }?.files.first?.id),
            by: s.employee, at: at)
        #expect(try AuditLog(pool: s.pool).verify(tenant: s.tenant).isIntact)
    }

    @Test func feedbackCoachingAndTakeoverAreRecordedAndTheEmployeeIsTold() throws {
        let s = try setUp()
        defer { s.pool.close() }
        let peer = s.org.staff[1]
        let leader = try s.store.giveFeedback(tenant: s.tenant, skp: s.skp.id, relation: nil, kind: .berkala, rhk: s.rhk,
                                              text: "Laporan Maret tepat waktu", by: s.org.pengawas, at: at)
        #expect(leader.relation == .pimpinan && leader.employeeID == s.employee)
        // Others declare their relation and may not claim to be the leader; the employee gives none to themselves.
        for relation in [nil, UmpanBalik.Relation.pimpinan] {
            #expect(throws: ExecutionError.self) {
                _ = try s.store.giveFeedback(tenant: s.tenant, skp: s.skp.id, relation: relation, kind: .insidental, rhk: nil, text: "Bagus",
                                             by: peer, at: at)
            }
        }
        #expect(throws: ExecutionError.notPermitted(action: .giveFeedback, actor: .employee,
                                                    allowed: [.evaluator, .superior, .pengelola, .other])) {
            _ = try s.store.giveFeedback(tenant: s.tenant, skp: s.skp.id, relation: .rekanKerja, kind: .insidental, rhk: nil, text: "Saya",
                                         by: s.employee, at: at)
        }
        let fromPeer = try s.store.giveFeedback(tenant: s.tenant, skp: s.skp.id, relation: .rekanKerja, kind: .insidental, rhk: nil,
                                                text: "Membantu tim", by: peer, at: at.addingTimeInterval(1))
        let first = try s.store.feedback(tenant: s.tenant, skp: s.skp.id, by: s.employee, after: nil, limit: 1)
        #expect(first.items.map(\.id) == [fromPeer.id] && first.nextAfter == fromPeer.id)
        let second = try s.store.feedback(tenant: s.tenant, skp: s.skp.id, by: s.org.head, after: first.nextAfter, limit: 1)
        #expect(second.items.map(\.id) == [leader.id] && second.nextAfter == nil)
        // The peer gave feedback but does not read the employee's record.
        #expect(throws: ExecutionError.skpNotFound) { _ = try s.store.feedback(tenant: s.tenant, skp: s.skp.id, by: peer, after: nil, limit: 10) }

        let today = try Self.date("2026-03-02")
        let coaching = try s.store.recordCoaching(tenant: s.tenant, skp: s.skp.id, kind: .konseling, heldOn: try Self.date("2026-03-01"),
                                                  notes: "Kendala beban kerja dibahas", today: today, by: s.org.pengawas, at: at)
        #expect(throws: ExecutionError.self) {  // not after today
            _ = try s.store.recordCoaching(tenant: s.tenant, skp: s.skp.id, kind: .bimbingan, heldOn: try Self.date("2026-03-03"),
                                           notes: "Besok", today: today, by: s.org.pengawas, at: at)
        }
        #expect(throws: ExecutionError.notPermitted(action: .recordCoaching, actor: .superior, allowed: [.evaluator])) {
            _ = try s.store.recordCoaching(tenant: s.tenant, skp: s.skp.id, kind: .bimbingan, heldOn: today, notes: "x", today: today,
                                           by: s.org.head, at: at)
        }
        #expect(try s.store.coaching(tenant: s.tenant, skp: s.skp.id, by: s.employee, after: nil, limit: 10).items == [coaching])

        // Takeover: the evaluator, once, with a note; the employee no longer plans or documents that RHK.
        #expect(throws: ExecutionError.invalid([SKPValidationProblem(pointer: "/note", code: "required", message: "Wajib diisi.")])) {
            _ = try s.store.takeOver(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, note: " ", by: s.org.pengawas, at: at)
        }
        let takeover = try s.store.takeOver(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, note: "Pegawai tidak dapat menyelesaikan RHK ini",
                                            by: s.org.pengawas, at: at)
        #expect(throws: ExecutionError.alreadyTakenOver(s.rhk)) {
            _ = try s.store.takeOver(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, note: "Lagi", by: s.org.pengawas, at: at)
        }
        #expect(throws: ExecutionError.rhkTakenOver(s.rhk)) {
            _ = try s.store.writePlan(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, plan: Self.plan, by: s.employee, at: at)
        }
        #expect(throws: ExecutionError.rhkTakenOver(s.rhk)) {
            _ = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 0, on: today, cadence: .monthly, today: today,
                                     entry: RealisationEntry(value: 1), by: s.employee, at: at)
        }
        #expect(try s.store.takeovers(tenant: s.tenant, skp: s.skp.id) == [takeover])
        #expect(try s.store.overview(tenant: s.tenant, skp: s.skp.id, by: s.employee).items[0].takeover == takeover)

        #expect(s.recorder.recorded.map(\.kind) == ["skp.feedback-received", "skp.feedback-received", "skp.coaching-recorded",
                                                    "skp.rhk-taken-over"])
        #expect(s.recorder.recorded.allSatisfy { $0.recipientID == s.employee })
        #expect(Set(s.recorder.recorded.map(\.uniqueKey)).count == 4)
    }

    @Test func anotherTenantSeesAndWritesNothing() throws {
        let s = try setUp()
        defer { s.pool.close() }
        _ = try s.store.writePlan(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, plan: Self.plan, by: s.employee, at: at)
        let today = try Self.date("2026-02-01")
        let realisation = try s.store.document(tenant: s.tenant, skp: s.skp.id, rhk: s.rhk, iki: 0, on: today, cadence: .monthly,
                                               today: today, entry: RealisationEntry(value: 1), by: s.employee, at: at)
        _ = try s.store.giveFeedback(tenant: s.tenant, skp: s.skp.id, relation: nil, kind: .berkala, rhk: nil, text: "Baik",
                                     by: s.org.pengawas, at: at)
        _ = try s.store.recordCoaching(tenant: s.tenant, skp: s.skp.id, kind: .bimbingan, heldOn: today, notes: "Catatan", today: today,
                                       by: s.org.pengawas, at: at)
        _ = try s.store.addFile(tenant: s.tenant, realisation: realisation.id, name: "a.pdf", contentType: "application/pdf", bytes: [1],
                                by: s.employee, at: at)

        // The same people's ids under another tenant: the SKP does not exist there.
        let other = try PersistenceFixture.makeTenant()
        #expect(throws: ExecutionError.skpNotFound) { _ = try s.store.overview(tenant: other, skp: s.skp.id, by: s.employee) }
        #expect(throws: ExecutionError.realisationNotFound) {
            _ = try s.store.correct(tenant: other, realisation: realisation.id, entry: RealisationEntry(value: 2), by: s.employee, at: at)
        }
        #expect(try s.store.realisations(tenant: other, skp: s.skp.id, period: realisation.period).isEmpty)
        try s.pool.transaction(tenant: other) { c in
            for table in ["rhk_timeline", "rencana_aksi", "realisations", "realisation_files", "umpan_balik", "pembinaan_kinerja",
                          "rhk_takeovers"] {
                let count = try c.query("SELECT count(*) FROM \(unescaped: table)").first?.decode(Int.self, at: 0)
                #expect(count == 0, "\(table)")
            }
        }
        // Writing a row for the first tenant from the other's transaction is refused by the policy.
        #expect(throws: PostgresError.self) {
            try s.pool.transaction(tenant: other) { c in
                try c.query("""
                    INSERT INTO umpan_balik (tenant_id, id, skp_id, employee_id, giver_id, relation, kind, text, given_at)
                    VALUES (\(s.tenant), \(UUID()), \(s.skp.id), \(s.employee), \(s.org.pengawas), 'pimpinan', 'berkala', 'x', now())
                    """)
            }
        }
    }
}
