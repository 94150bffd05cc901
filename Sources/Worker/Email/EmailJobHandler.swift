import Foundation
import JobQueue
import Mail
import Postgres
import Runtime

/// Runs `email.send` jobs: builds the message and hands it to the mailer, at most once per job
/// once a server has accepted it (see migrations/0011_job_mail_deliveries.sql).
public struct EmailJobHandler: Sendable {
    private let pool: PostgresPool
    private let mailer: any Mailer
    private let sender: MailAddress
    private let logger: Logger
    private let clock: @Sendable () -> Date

    public init(pool: PostgresPool, mailer: any Mailer, sender: MailAddress, logger: Logger,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.pool = pool
        self.mailer = mailer
        self.sender = sender
        self.logger = logger
        self.clock = clock
    }

    /// The message of an `email.send` job; a malformed job can never succeed, so it fails permanently.
    func compose(_ job: Job) throws -> MailMessage {
        let email: EmailJob
        do {
            email = try job.decodeArgs(EmailJob.self)
        } catch {
            throw PermanentJobError("invalid email job arguments: \(error)")
        }
        var recipients: [MailAddress] = []
        do {
            for recipient in email.to {
                recipients.append(try MailAddress(recipient.address, name: recipient.name))
            }
            return try MailMessage(from: sender, to: recipients, subject: email.subject, date: clock(),
                                   messageID: MailMessage.messageID(jobID: job.id), text: email.text, html: email.html)
        } catch {
            throw PermanentJobError("invalid email: \(error)")
        }
    }

    /// Handles one job; a malformed job fails permanently, a transient delivery error retries.
    public func handle(_ job: Job) throws {
        let delivered = try pool.withConnection(retryOnConnectionLoss: true) { connection in
            try connection.query("SELECT 1 FROM job_mail_deliveries WHERE job_id = \(job.id)").count > 0
        }
        if delivered {
            logger.info("mail already delivered; not sending again", ["job.id": .int(job.id)])
            return
        }
        let message = try compose(job)
        do {
            try mailer.deliver(message)
        } catch {
            // 4xx and unreachable servers retry with backoff; a 5xx refusal never will succeed.
            if error.isTransient { throw error }
            throw PermanentJobError("mail refused: \(error)")
        }
        try pool.withConnection { connection in
            try connection.execute("""
                INSERT INTO job_mail_deliveries (job_id, tenant_id, message_id, recipients)
                VALUES (\(job.id), \(job.tenantID), \(message.messageID), \(message.recipients.count))
                ON CONFLICT (job_id) DO NOTHING
                """)
        }
    }
}
