import Foundation
import JobQueue
import Mail
import Persistence
import Postgres
import Testing
import TestSupport
@testable import Worker

/// The cycle's notifications through a running worker and the real SMTP sink: the finalised
/// evaluation reaches the employee once with the link and code of its document, and the same
/// message is in their in-app list once, also when the job runs twice.
@Suite(.requiresDatabase, .serialized) struct CycleNotificationTests {
    @Test func aFinalisedEvaluationMailsTheEmployeeOnceWithItsDocument() throws {
        let world = try CycleWorld()
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try world.service(smtpURL: sink.url)
        let queue = world.queue(service)
        try world.enqueue(CycleJobKind.evaluationDocument,
                          CycleJobArguments(tenantID: world.tenant, evaluationID: world.evaluation, version: 1), on: queue)
        try service.start()
        defer { service.stop() }
        let messages = try sink.waitForMessages(containing: "budi-\(world.token)@uji.go.id")
        #expect(messages.count == 1)
        let mail = try MailInspector.inspect(try #require(messages.first).bytes)
        #expect(mail.subject == "Hasil evaluasi kinerja Anda telah ditetapkan")
        #expect(mail.defects.isEmpty)
        let document = try #require(try DocumentStore(pool: world.pool)
            .versions(tenant: world.tenant, kind: .evaluationPeriodic, referenceID: world.evaluation).first)
        let body = try #require(mail.text)
        #expect(body.contains("Yth. \(world.pegawaiName),"))
        #expect(body.contains("https://kinerja.uji.go.id/v1/documents/\(document.id.uuidString.lowercased())"))
        #expect(body.contains("Kode verifikasi dokumen: \(document.verificationCode)"))
        #expect(body.contains("Predikat kinerja: Baik."))
        #expect(body.contains("14 hari kalender"))
        let inApp = try world.notifications(of: world.pegawai)
        #expect(inApp.count == 1)
        #expect(inApp.first?.kind == "evaluation.finalised")
        #expect(inApp.first?.link == "/v1/documents/\(document.id.uuidString.lowercased())")
    }

    /// The handler as the service builds it, run by hand.
    private func handler(_ world: CycleWorld, _ service: WorkerService) throws -> CycleNotificationHandler {
        let delivery = JobMailDelivery(pool: world.pool, mailer: service.configuration.mail.makeMailer(),
                                       sender: try MailAddress("bkpsdm@uji.go.id"), logger: .silent)
        return CycleNotificationHandler(
            records: CycleRecordStore(pool: world.pool), ruleSets: RuleSetStore(pool: world.pool),
            notifier: PersonNotifier(recipients: RecipientStore(pool: world.pool), delivery: delivery, logger: .silent),
            links: DocumentLinks(baseURL: ""))
    }

    @Test func aDecisionMailWaitsForItsDocumentOnTheFirstAttempts() throws {
        let world = try CycleWorld()
        let objection = try world.objection(outcome: "upheld")
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try world.service(smtpURL: sink.url)
        let queue = world.queue(service)
        let job = try world.claim(try world.enqueue(CycleJobKind.objectionDecided,
                                                    CycleJobArguments(tenantID: world.tenant, objectionID: objection,
                                                                      recipientID: world.pegawai), on: queue), from: queue)
        #expect(job.attempt == 1)
        // Not permanent: the queue retries with backoff until the document exists (or gives up waiting).
        #expect(throws: CycleNotificationHandler.DocumentPending.self) { try handler(world, service).handle(job) }
        #expect(try world.notifications(of: world.pegawai).isEmpty)
    }

    @Test func aRetriedNotificationJobMailsOnceAndListsOnce() throws {
        let world = try CycleWorld()
        let objection = try world.objection(due: Date().addingTimeInterval(3 * 24 * 3600))
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try world.service(smtpURL: sink.url)
        let queue = world.queue(service)
        let id = try world.enqueue(CycleJobKind.objectionFiled,
                                   CycleJobArguments(tenantID: world.tenant, objectionID: objection, recipientID: world.superior),
                                   on: queue)
        let job = try world.claim(id, from: queue)
        let handler = try handler(world, service)
        try handler.handle(job)
        // The retry of a run whose completion was lost: claimed again, so the next attempt.
        var retry = job
        retry.attempt += 1
        try handler.handle(retry)
        let messages = try sink.waitForMessages(containing: "ahmad-\(world.token)@uji.go.id")
        #expect(messages.count == 1)
        let mail = try MailInspector.inspect(try #require(messages.first).bytes)
        #expect(mail.subject == "Keberatan atas hasil evaluasi kinerja menunggu keputusan Anda")
        #expect(try #require(mail.text).contains("\(world.pegawaiName) (NIP \(CycleWorld.pegawaiNIP)) mengajukan keberatan"))
        #expect(try world.notifications(of: world.superior).map(\.kind) == ["objection.filed"])
        #expect(try world.notifications(of: world.pegawai).isEmpty)
    }

    @Test func anEmployeeWithoutAnAddressStillGetsTheInAppNotification() throws {
        let world = try CycleWorld()
        let objection = try world.objection(outcome: "upheld")
        let tenant = world.tenant, pegawai = world.pegawai
        try world.pool.transaction(tenant: tenant) { c in
            try c.query("UPDATE employees SET email = NULL WHERE id = \(pegawai)")
        }
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try world.service(smtpURL: sink.url)
        let queue = world.queue(service)
        // The decision's document first, as its job usually runs first; the mail links it.
        let documents = DocumentStore(pool: world.pool)
        let decision = ObjectionDecisionDocumentHandler(records: CycleRecordStore(pool: world.pool), documents: documents,
                                                        ruleSets: RuleSetStore(pool: world.pool), logger: .silent)
        try decision.handle(try world.claim(try world.enqueue(CycleJobKind.objectionDecisionDocument,
                                                              CycleJobArguments(tenantID: world.tenant, objectionID: objection),
                                                              on: queue), from: queue))
        let issued = try #require(try documents.versions(tenant: world.tenant, kind: .objectionDecision, referenceID: objection).first)
        try world.enqueue(CycleJobKind.objectionDecided,
                          CycleJobArguments(tenantID: world.tenant, objectionID: objection, recipientID: world.pegawai), on: queue)
        try service.start()
        defer { service.stop() }
        var listed: [InAppNotification] = []
        for _ in 0..<200 where listed.isEmpty {
            listed = try world.notifications(of: world.pegawai)
            if listed.isEmpty { Thread.sleep(forTimeInterval: 0.05) }
        }
        #expect(listed.map(\.title) == ["Keberatan Anda telah diputuskan"])
        #expect(listed.first?.body.contains("DIKUATKAN") == true)
        #expect(listed.first?.link == "/v1/documents/\(issued.id.uuidString.lowercased())")
        #expect(listed.first?.body.contains("Kode verifikasi dokumen: \(issued.verificationCode)") == true)
    }
}
