import Foundation
import JobQueue
import Mail
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Worker

/// `email.send` jobs end to end: the real queue in the test database, the real SMTP sink.
@Suite(.serialized) struct EmailDeliveryTests {
    /// A worker on a queue of its own (so it claims no other test's jobs) sending to `smtpURL`.
    private func makeService(smtpURL: String) throws -> WorkerService {
        let app = try #require(TestEnvironment.databaseURL, "scripts/test sets KINERJA_TEST_DATABASE_URL")
        var configuration = try WorkerConfiguration.fromEnvironment([
            "KINERJA_DATABASE_URL": app, "KINERJA_SMTP_URL": smtpURL, "KINERJA_SMTP_STARTTLS": "none",
            "KINERJA_MAIL_FROM": "bkpsdm@karawang.example", "KINERJA_MAIL_FROM_NAME": "BKPSDM Karawang",
            "KINERJA_WORKER_METRICS_PORT": "0", "KINERJA_WORKER_THREADS": "2",
        ])
        let suffix = UUID().uuidString.prefix(8).lowercased()
        configuration.queue = JobQueue.Configuration(name: "mail_" + suffix, channel: "mail_" + suffix,
                                                     leaderLockKey: Int64.random(in: 1...Int64.max))
        return try WorkerService(configuration: configuration, logger: .silent)
    }

    private func enqueue(_ email: EmailJob, on service: WorkerService) throws -> Int {
        let queue = JobQueue(pool: service.pool, configuration: service.configuration.queue, logger: .silent)
        let id = try service.pool.transaction { connection in
            try queue.enqueue(on: connection, kind: EmailJob.kind, args: email, tenantID: nil, priority: 2,
                              scheduledAt: nil, uniqueKey: nil, maxAttempts: 5)
        }
        return try #require(id)
    }

    private func email(_ token: String) -> EmailJob {
        EmailJob(to: [EmailJob.Recipient(address: "siti@karawang.example", name: "Siti Rahmawati")],
                 subject: "SKP Anda telah disetujui – \(token)",
                 text: "Yth. Siti,\n\nSKP tahun 2026 Anda telah disetujui oleh pejabat penilai.\n\nKode: \(token)\n")
    }

    @Test func aQueuedEmailArrivesWithTheJobsMessageID() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try makeService(smtpURL: sink.url)
        let token = UUID().uuidString
        let id = try enqueue(email(token), on: service)
        try service.start()
        defer { service.stop() }
        let messages = try sink.waitForMessages(containing: token)
        #expect(messages.count == 1)
        let parsed = try MailInspector.inspect(try #require(messages.first).bytes)
        #expect(parsed.message_id == "<job-\(id)@kinerja>")
        #expect(parsed.from == "BKPSDM Karawang <bkpsdm@karawang.example>")
        #expect(parsed.to == ["siti@karawang.example"])
        #expect(parsed.subject == "SKP Anda telah disetujui – \(token)")
    }

    @Test func aRetryAfterAcceptanceDoesNotSendTwiceAndAServerOutageRetries() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try makeService(smtpURL: sink.url)
        let token = UUID().uuidString
        let id = try enqueue(email(token), on: service)
        let queue = JobQueue(pool: service.pool, configuration: service.configuration.queue, logger: .silent)
        let job = try #require(try queue.claim(batch: 1, workerID: "test").first { $0.id == id })
        let handler = EmailJobHandler(delivery: JobMailDelivery(
            pool: service.pool, mailer: service.configuration.mail.makeMailer(),
            sender: try MailAddress("bkpsdm@karawang.example"), logger: .silent))

        // The server is down: a transient failure, so the queue will retry.
        sink.stop()
        #expect(throws: MailDeliveryError.self) { try handler.handle(job) }
        #expect(try sink.messages(containing: token).isEmpty)

        // Back up: the retry delivers; a further retry (say the completion was lost) does not
        // resend. Each retry is claimed again, so it runs as the next attempt.
        try sink.restart()
        var retry = job
        retry.attempt += 1
        try handler.handle(retry)
        retry.attempt += 1
        try handler.handle(retry)
        #expect(try sink.waitForMessages(containing: token).count == 1)
        let recorded = try service.pool.withConnection { connection in
            try connection.query("SELECT count(*)::int FROM job_mail_deliveries WHERE job_id = \(id)").first?.decode(Int.self, at: 0)
        }
        #expect(recorded == 1)
    }

    @Test func aMalformedEmailFailsPermanently() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let service = try makeService(smtpURL: sink.url)
        let id = try enqueue(EmailJob(to: [EmailJob.Recipient(address: "bukan alamat")], subject: "x", text: "y"),
                             on: service)
        let queue = JobQueue(pool: service.pool, configuration: service.configuration.queue, logger: .silent)
        let job = try #require(try queue.claim(batch: 1, workerID: "test").first { $0.id == id })
        let handler = EmailJobHandler(delivery: JobMailDelivery(
            pool: service.pool, mailer: service.configuration.mail.makeMailer(),
            sender: try MailAddress("bkpsdm@karawang.example"), logger: .silent))
        #expect(throws: PermanentJobError.self) { try handler.handle(job) }
    }
}
