import Foundation
import JobQueue
import Persistence
import Postgres
import Testing
import TestSupport
@testable import Worker

/// `reminders.scan` on a prepared regency, five days before the SKP deadline (31 January 2026,
/// Karawang's rule set): exactly the expected reminders are queued, a second scan the same day
/// queues none, and the reminders reach people by mail and in the app.
@Suite(.requiresDatabase, .serialized) struct ReminderScanTests {
    /// 26 January 2026, 10:00 WIB.
    static let now = Date(timeIntervalSince1970: 1_769_396_400)

    /// The world plus: an employee without an SKP, one on study assignment (exempt), an overdue
    /// and a not-yet-due assessment for the evaluator, a keberatan due tomorrow and one due later.
    private func prepare() throws -> (CycleWorld, noSKP: UUID, exempt: UUID) {
        let world = try CycleWorld()
        let noSKP = try world.employee("Rina Marlina", nip: "199001012015032001")
        let exempt = try world.employee("Dedi Kurniawan", nip: "199202022017031002", status: "tugas-belajar")
        let late = try world.employee("Agus Salim", nip: "198807072012121001")
        let tenant = world.tenant, period = world.period, pd = world.perangkatDaerah, evaluator = world.evaluator
        let superior = world.superior
        try world.pool.transaction(tenant: tenant) { c in
            for (employee, due) in [(late, Self.now.addingTimeInterval(-86_400)), (noSKP, Self.now.addingTimeInterval(86_400))] {
                try c.query("""
                    INSERT INTO evaluations (tenant_id, id, period_id, employee_id, evaluator_id, evaluator_superior_id,
                                             perangkat_daerah_id, group_id, status, results_submitted_at, assessment_due_at,
                                             created_at, updated_at)
                    VALUES (\(tenant), \(UUID()), \(period), \(employee), \(evaluator), \(superior), \(pd), \(pd), 'submitted',
                            \(due.addingTimeInterval(-2 * 86_400)), \(due), now(), now())
                    """)
            }
        }
        try world.objection(due: Self.now.addingTimeInterval(86_400))
        return (world, noSKP, exempt)
    }

    private func scanner(_ world: CycleWorld, queue: JobQueue) -> ReminderScanHandler {
        ReminderScanHandler(tenants: TenantRegistryStore(pool: world.pool), ruleSets: RuleSetStore(pool: world.pool),
                            skp: SKPStore(pool: world.pool, notifier: .enqueueing(on: queue)),
                            reminders: ReminderStore(pool: world.pool), queue: queue, logger: .silent, clock: { Self.now })
    }

    @Test func theScanQueuesOneReminderPerPersonAndCauseOnceADay() throws {
        let (world, noSKP, exempt) = try prepare()
        let queue = JobQueue(pool: world.pool, configuration: JobQueue.Configuration(name: "rem_" + world.token), logger: .silent)
        let scan = scanner(world, queue: queue)
        #expect(try scan.scan(tenant: world.tenant) > 0)
        let jobs = try world.jobs(kindPrefix: "reminder.")
        let byKind = Dictionary(grouping: try jobs.map { try $0.args.decode(Reminder.self) }, by: \.cause)
        // The SKP deadline: those without an approved SKP, but not the pegawai and evaluator
        // (approved) nor the employee on tugas belajar (exempt in Karawang).
        let skp = Set((byKind[.skpDeadline] ?? []).map(\.recipientID))
        #expect(skp.contains(noSKP))
        #expect(skp.contains(world.superior))
        #expect(!skp.contains(exempt))
        #expect(!skp.contains(world.pegawai))
        #expect(!skp.contains(world.evaluator))
        // The three employees created for this test without an SKP (Agus, Rina) plus the superior.
        #expect(skp.count == 3)
        let overdue = try #require(byKind[.assessmentOverdue])
        #expect(overdue.map(\.recipientID) == [world.evaluator])
        #expect(overdue.first?.items.map(\.nip) == ["198807072012121001"])
        let decisions = try #require(byKind[.objectionDecisionDue])
        #expect(decisions.map(\.recipientID) == [world.superior])
        #expect(jobs.count == 5)
        #expect(jobs.allSatisfy { $0.uniqueKey?.hasSuffix(":2026-01-26") == true })

        // A second scan the same day, even after the first reminders completed, adds nothing.
        let tenant = world.tenant
        try world.pool.withConnection { c in
            try c.query("UPDATE jobs SET state = 'completed', finalized_at = now() WHERE tenant_id = \(tenant)")
        }
        #expect(try scan.scan(tenant: world.tenant) == 0)
        #expect(try world.jobs(kindPrefix: "reminder.").count == 5)
    }

    @Test func remindersReachPeopleByMailAndInTheApp() throws {
        let (world, noSKP, _) = try prepare()
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try world.service(smtpURL: sink.url)
        try scanner(world, queue: world.queue(service)).scan(tenant: world.tenant)
        try service.start()
        defer { service.stop() }
        let toEvaluator = try sink.waitForMessages(containing: "siti-\(world.token)@uji.go.id")
        #expect(toEvaluator.count == 1)
        let mail = try MailInspector.inspect(try #require(toEvaluator.first).bytes)
        #expect(mail.subject == "Pengingat: 1 penilaian kinerja melewati batas waktu")
        #expect(try #require(mail.text).contains("Agus Salim \(world.token) (NIP 198807072012121001)"))
        let toEmployee = try sink.waitForMessages(containing: "199001012015032001-\(world.token)@uji.go.id")
        #expect(try MailInspector.inspect(try #require(toEmployee.first).bytes).subject
            == "Pengingat: batas waktu penetapan SKP 31 Januari 2026")
        #expect(try world.notifications(of: noSKP).map(\.kind) == ["reminder.skp-deadline"])
    }
}
