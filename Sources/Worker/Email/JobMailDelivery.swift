import Foundation
import JobQueue
import Mail
import Persistence
import Postgres
import Runtime

/// Sends the e-mail of a job at most once after a server accepted it: the delivery is recorded
/// right after the server's answer and checked before sending (migrations/0011_job_mail_deliveries.sql),
/// and the Message-ID comes from the job, so a retry is recognisable. Every e-mail-sending job
/// handler goes through here. A notification job also hands over its in-app notification, which
/// is written in the transaction that records the delivery (migration 0017), so the person finds
/// it in the app exactly once, whether or not they have an e-mail address.
public struct JobMailDelivery: Sendable {
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

    /// Sends `text` (and `html`) to `to` for `job`, unless this job's e-mail went out already, and
    /// then writes `inApp` with the delivery record. An empty `to` sends nothing and writes only
    /// `inApp`. An invalid address or message fails permanently; a transient SMTP failure throws for retry.
    public func deliver(to: [(address: String, name: String?)], subject: String, text: String, html: String? = nil,
                        inApp: InAppNotificationDraft? = nil, for job: Job) throws {
        guard !to.isEmpty else {
            if let inApp {
                try pool.transaction(tenant: inApp.tenantID) { connection in
                    try NotificationStore.insert(inApp, jobID: job.id, at: clock(), on: connection)
                }
            }
            return
        }
        // Only an earlier attempt of this job records its delivery, and attempts only count up
        // (claims add one, an operator's retry keeps the number): the first has nothing to find.
        let delivered = try job.attempt > 1 && pool.withConnection(retryOnConnectionLoss: true) { connection in
            try connection.query("SELECT 1 FROM job_mail_deliveries WHERE job_id = \(job.id)").count > 0
        }
        if delivered {
            logger.info("mail already delivered; not sending again", ["job.id": .int(job.id)])
            return
        }
        let message: MailMessage
        do {
            var recipients: [MailAddress] = []
            for recipient in to { recipients.append(try MailAddress(recipient.address, name: recipient.name)) }
            message = try MailMessage(from: sender, to: recipients, subject: subject, date: clock(),
                                      messageID: MailMessage.messageID(jobID: job.id), text: text, html: html)
        } catch {
            throw PermanentJobError("invalid email: \(error)")
        }
        do {
            try mailer.deliver(message)
        } catch {
            // 4xx and unreachable servers retry with backoff; a 5xx refusal never will succeed.
            if error.isTransient { throw error }
            throw PermanentJobError("mail refused: \(error)")
        }
        let record = { (connection: PostgresConnection) throws in
            try connection.execute("""
                INSERT INTO job_mail_deliveries (job_id, tenant_id, message_id, recipients)
                VALUES (\(job.id), \(job.tenantID), \(message.messageID), \(message.recipients.count))
                ON CONFLICT (job_id) DO NOTHING
                """)
        }
        guard let inApp else {
            try pool.withConnection { connection in _ = try record(connection) }
            return
        }
        try pool.transaction(tenant: inApp.tenantID) { connection in
            _ = try record(connection)
            try NotificationStore.insert(inApp, jobID: job.id, at: clock(), on: connection)
        }
    }
}
