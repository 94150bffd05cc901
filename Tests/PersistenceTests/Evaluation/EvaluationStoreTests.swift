import Foundation
import Kinerja
import Postgres
import Synchronization
import Testing
import TestSupport
@testable import Persistence

/// The evaluation store against the real database as the application role: opening with coverage
/// and evaluators, rating, finalising with document jobs in the same transaction, the
/// final-is-immutable trigger, overdue assessments, row-level security.
@Suite(.requiresDatabase) struct EvaluationStoreTests {
    let at = Date(timeIntervalSince1970: 1_775_000_000)  // 2026-03-31
    let march = EvaluationPeriod(containing: CivilDate(year: 2026, month: 3, day: 1) ?? CivilDate(daysSinceEpoch: 0), cadence: .monthly)

    struct Opened {
        let pool: PostgresPool
        let tenant: UUID
        let org: SKPTestOrganisation
        let exempt: UUID
        let ruleSet: RuleSet
        let store: EvaluationStore
        let documents: RecordingDocuments
        let opening: EvaluationOpening
    }

    /// Karawang's rules; three staff, and one more on study assignment (tugas belajar), exempt.
    func open() throws -> Opened {
        let pool = try PersistenceFixture.appPool()
        let tenant = try PersistenceFixture.makeTenant()
        let org = try SKPTestOrganisation.make(pool, tenant: tenant)
        let exempt = try org.addEmployee(pool, name: "Staf Tugas Belajar", type: "PNS", status: "tugas-belajar")
        let ruleSet = try SeededRuleSets.ruleSet(for: "karawang")
        let documents = RecordingDocuments()
        let store = EvaluationStore(pool: pool, documents: documents.queue)
        let opening = try store.openPeriod(tenant: tenant, kind: .periodic, span: march, ruleSet: ruleSet,
                                           ruleSetVersion: "karawang@1", by: nil, actor: .system("test"), at: at)
        return Opened(pool: pool, tenant: tenant, org: org, exempt: exempt, ruleSet: ruleSet, store: store, documents: documents,
                      opening: opening)
    }

    @Test func openingCreatesGroupsAndEvaluationsWithCoverageAndEvaluators() throws {
        let o = try open()
        defer { o.pool.close() }
        #expect(o.opening.groups == 1)
        #expect(o.opening.coverage.total == 6 && o.opening.coverage.obliged == 5 && o.opening.coverage.excluded == 1)
        #expect(o.opening.coverage.reasons.map(\.code) == ["exempt-status"])
        #expect(o.opening.period.model == .quadrant && o.opening.period.ruleSetNumber == 1)

        let page = try o.store.evaluations(tenant: o.tenant, period: o.opening.period.id, after: nil, limit: 200)
        #expect(page.items.count == 6 && page.coverage == o.opening.coverage)
        let byEmployee = Dictionary(uniqueKeysWithValues: page.items.map { ($0.employeeID, $0) })
        let staff = try #require(byEmployee[o.org.staff[0]])
        #expect(staff.status == .pending && staff.evaluatorID == o.org.pengawas && staff.evaluatorSuperiorID == o.org.head)
        #expect(staff.groupID == o.org.perangkatDaerah && staff.perangkatDaerahID == o.org.perangkatDaerah)
        #expect(byEmployee[o.org.head]?.evaluatorID == nil)
        let exempt = try #require(byEmployee[o.exempt])
        #expect(exempt.status == .excluded && exempt.excludedReasons?.first?.code == .exemptStatus)
        #expect(exempt.excludedReasons?.first?.basis != nil)

        // The pengawas's screen: their staff only, with the excluded one counted by reason.
        let mine = try o.store.evaluations(tenant: o.tenant, period: o.opening.period.id, evaluator: o.org.pengawas, after: nil, limit: 2)
        #expect(mine.items.count == 2 && mine.nextAfter != nil && mine.coverage.total == 4 && mine.coverage.excluded == 1)

        // The same period again names the first.
        #expect(throws: EvaluationStoreError.periodExists(existing: o.opening.period.id)) {
            _ = try o.store.openPeriod(tenant: o.tenant, kind: .periodic, span: march, ruleSet: o.ruleSet,
                                       ruleSetVersion: "karawang@1", by: nil, actor: .system("test"), at: at)
        }
        // Another tenant sees none of it (row-level security).
        let other = try PersistenceFixture.makeTenant()
        #expect(try o.store.period(tenant: other, id: o.opening.period.id) == nil)
        #expect(try o.store.find(tenant: other, id: staff.id) == nil)
        #expect(try o.store.evaluations(tenant: other, period: o.opening.period.id, after: nil, limit: 200).items.isEmpty)
    }

    @Test func finalisingQueuesDocumentsAndFinalRowsNeverChange() throws {
        let o = try open()
        defer { o.pool.close() }
        let period = o.opening.period.id
        let page = try o.store.evaluations(tenant: o.tenant, period: period, after: nil, limit: 200)
        let sesuai = EvaluationRating(quadrant: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi))

        // Refusals: the wrong person, the excluded employee.
        let staff = try #require(page.items.first { $0.employeeID == o.org.staff[0] })
        #expect(throws: EvaluationStoreError.refused(.notEvaluator)) {
            _ = try o.store.rate(tenant: o.tenant, id: staff.id, rating: sesuai, by: o.org.head, isTenantAdmin: true,
                                 actor: .system("test"), ruleSet: o.ruleSet, at: at)
        }
        let exempt = try #require(page.items.first { $0.status == .excluded })
        #expect(throws: EvaluationStoreError.refused(.excluded(reasons: exempt.excludedReasons ?? []))) {
            _ = try o.store.rate(tenant: o.tenant, id: exempt.id, rating: sesuai, by: o.org.pengawas, isTenantAdmin: false,
                                 actor: .system("test"), ruleSet: o.ruleSet, at: at)
        }

        // Finalising before the achievement and the ratings is refused, naming how many and who.
        _ = try o.store.setCapaian(tenant: o.tenant, period: period, scopeID: o.org.perangkatDaerah, capaian: .baik,
                                   ruleSet: o.ruleSet, by: o.org.head, actor: .system("test"), at: at)
        do {
            _ = try o.store.finalise(tenant: o.tenant, period: period, scopeID: o.org.perangkatDaerah, ruleSet: o.ruleSet,
                                     by: o.org.head, actor: .system("test"), at: at)
            Issue.record("expected a refusal")
        } catch EvaluationStoreError.refused(.unrated(let count, let names)) {
            #expect(count == 5 && names.contains("Kepala Bidang"))
        }

        for evaluation in page.items where evaluation.status != .excluded {
            let rated = try o.store.rate(tenant: o.tenant, id: evaluation.id, rating: sesuai, by: evaluation.evaluatorID ?? UUID(),
                                         isTenantAdmin: evaluation.evaluatorID == nil, actor: .system("test"),
                                         ruleSet: o.ruleSet, at: at)
            #expect(rated.status == .rated && rated.predikat == "baik" && rated.explanation?.steps.isEmpty == false)
        }
        // A group of 5 (under 10) finalises with the warning that nobody is Butuh Perbaikan or Kurang.
        let result = try o.store.finalise(tenant: o.tenant, period: period, scopeID: o.org.perangkatDaerah, ruleSet: o.ruleSet,
                                          by: o.org.head, actor: .system("test"), at: at)
        #expect(result.finalised == 5 && result.documentsQueued == 5)
        #expect(result.warnings.map(\.code) == ["baik/baik/at-most-70-percent", "baik/butuh-perbaikan+kurang/at-least-1-person"])
        #expect(result.group.distribution?.warnOnly == true && result.group.finalisedAt != nil)
        #expect(o.documents.recorded.count == 5 && Set(o.documents.recorded.map(\.uniqueKey)).count == 5)
        #expect(o.documents.recorded.allSatisfy { $0.version == 1 && $0.tenantID == o.tenant })

        // Final: re-rating is refused, and the trigger refuses any update outside an objection.
        #expect(throws: EvaluationStoreError.refused(.final)) {
            _ = try o.store.rate(tenant: o.tenant, id: staff.id, rating: sesuai, by: o.org.pengawas, isTenantAdmin: false,
                                 actor: .system("test"), ruleSet: o.ruleSet, at: at)
        }
        #expect(throws: PostgresError.self) {
            try o.pool.transaction(tenant: o.tenant) { c in
                try c.query("UPDATE evaluations SET notes = 'diubah' WHERE id = \(staff.id)")
            }
        }
        #expect(throws: PostgresError.self) {
            try o.pool.transaction(tenant: o.tenant) { c in
                try c.query("UPDATE evaluations SET predikat = 'sangat-baik', version = version + 1 WHERE id = \(staff.id)")
            }
        }
        // Recording the document's receipt once is the one change allowed.
        let received = try o.store.markReceived(tenant: o.tenant, id: staff.id, at: at)
        #expect(received.receivedAt != nil && received.predikat == "baik")
        #expect(throws: EvaluationStoreError.refused(.groupFinalised)) {
            _ = try o.store.finalise(tenant: o.tenant, period: period, scopeID: o.org.perangkatDaerah, ruleSet: o.ruleSet,
                                     by: o.org.head, actor: .system("test"), at: at)
        }
        #expect(try AuditLog(pool: o.pool).verify(tenant: o.tenant).isIntact)
    }

    /// An evaluator rates their team in one call: a refusal at any position stores nothing of the
    /// batch and names the position; the team alone is stored whole, one audit entry each.
    @Test func anEvaluatorRatesTheTeamAllOrNothing() throws {
        let o = try open()
        defer { o.pool.close() }
        let page = try o.store.evaluations(tenant: o.tenant, period: o.opening.period.id, after: nil, limit: 200)
        let team = page.items.filter { $0.evaluatorID == o.org.pengawas && $0.status != .excluded }
        try #require(team.count >= 2)
        let exempt = try #require(page.items.first { $0.status == .excluded })
        let sesuai = EvaluationRating(quadrant: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi))
        func auditCount() throws -> Int {
            try o.pool.transaction(tenant: o.tenant, readOnly: true) { c in
                try c.query("SELECT count(*)::int FROM audit_log").first?.decode(Int.self, at: 0) ?? -1
            }
        }
        let entriesBefore = try auditCount()

        let withExempt = team.map { (id: $0.id, rating: sesuai) } + [(id: exempt.id, rating: sesuai)]
        #expect(throws: EvaluationStoreError.inBatch(index: team.count, .refused(.excluded(reasons: exempt.excludedReasons ?? [])))) {
            _ = try o.store.rate(tenant: o.tenant, period: o.opening.period.id, ratings: withExempt, by: o.org.pengawas, isTenantAdmin: false,
                                 actor: .system("test"), ruleSet: o.ruleSet, at: at)
        }
        let untouched = try o.store.evaluations(tenant: o.tenant, period: o.opening.period.id, after: nil, limit: 200).items
            .filter { item in team.contains { $0.id == item.id } }
        #expect(untouched.allSatisfy { $0.status == .pending && $0.predikat == nil })
        #expect(try auditCount() == entriesBefore)

        #expect(throws: EvaluationStoreError.inBatch(index: 0, .notFound("Evaluasi"))) {
            _ = try o.store.rate(tenant: o.tenant, period: UUID(), ratings: [(id: team[0].id, rating: sesuai)], by: o.org.pengawas,
                                 isTenantAdmin: false, actor: .system("test"), ruleSet: o.ruleSet, at: at)
        }
        let rated = try o.store.rate(tenant: o.tenant, period: o.opening.period.id, ratings: team.map { (id: $0.id, rating: sesuai) }, by: o.org.pengawas,
                                     isTenantAdmin: false, actor: .system("test"), ruleSet: o.ruleSet, at: at)
        #expect(rated.map(\.id) == team.map(\.id))
        #expect(rated.allSatisfy { $0.status == .rated && $0.predikat == "baik" })
        #expect(try auditCount() == entriesBefore + team.count)
        #expect(try AuditLog(pool: o.pool).verify(tenant: o.tenant).isIntact)
    }

    @Test func overdueAssessmentsArePerEvaluatorAndSkipTheExcluded() throws {
        let o = try open()
        defer { o.pool.close() }
        let page = try o.store.evaluations(tenant: o.tenant, period: o.opening.period.id, evaluator: o.org.pengawas,
                                           after: nil, limit: 200)
        let due = at.addingTimeInterval(2 * 86_400)
        for evaluation in page.items where evaluation.status == .pending {
            _ = try o.store.submitResults(tenant: o.tenant, id: evaluation.id, by: evaluation.employeeID, assessmentDueAt: due, at: at)
        }
        let first = try #require(page.items.first { $0.status == .pending })
        #expect(throws: EvaluationStoreError.refused(.alreadySubmitted)) {
            _ = try o.store.submitResults(tenant: o.tenant, id: first.id, by: first.employeeID, assessmentDueAt: due, at: at)
        }
        #expect(try o.store.overdue(tenant: o.tenant, asOf: at).isEmpty)
        _ = try o.store.rate(tenant: o.tenant, id: first.id,
                             rating: EvaluationRating(quadrant: .init(hasilKerja: .sesuaiEkspektasi, perilakuKerja: .sesuaiEkspektasi)),
                             by: o.org.pengawas, isTenantAdmin: false, actor: .system("test"), ruleSet: o.ruleSet, at: at)
        let overdue = try o.store.overdue(tenant: o.tenant, asOf: due.addingTimeInterval(1))
        #expect(overdue.count == 1)
        #expect(overdue.first?.evaluatorID == o.org.pengawas && overdue.first?.count == 2 && overdue.first?.evaluatorName == "Kepala Seksi")
    }
}

/// Collects the document jobs a store queues inside its transaction.
final class RecordingDocuments: Sendable {
    private let box = Mutex<[EvaluationDocumentJob]>([])

    var queue: EvaluationDocumentQueue {
        EvaluationDocumentQueue { job, connection in
            let inTransaction = connection.transactionStatus == .inTransaction
            self.box.withLock { if inTransaction { $0.append(job) } }
        }
    }

    var recorded: [EvaluationDocumentJob] { box.withLock { $0 } }
}
