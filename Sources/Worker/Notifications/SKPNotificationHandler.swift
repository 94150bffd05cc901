import JobQueue
import Persistence
import Runtime

/// Runs the `skp.*` jobs the SKP workflow enqueues: looks up the recipient and e-mails them.
/// A recipient without an e-mail address is not an error: the job completes and says so in the log.
public struct SKPNotificationHandler: Sendable {
    private let recipients: RecipientStore
    private let delivery: JobMailDelivery
    private let logger: Logger

    public init(recipients: RecipientStore, delivery: JobMailDelivery, logger: Logger) {
        self.recipients = recipients
        self.delivery = delivery
        self.logger = logger
    }

    public func handle(_ job: Job) throws {
        let notification: SKPNotification
        do {
            notification = try job.decodeArgs(SKPNotification.self)
        } catch {
            throw PermanentJobError("invalid SKP notification arguments: \(error)")
        }
        guard let recipient = try recipients.employee(notification.recipientID, tenant: notification.tenantID) else {
            throw PermanentJobError("recipient not found in the tenant")
        }
        guard let email = recipient.email else {
            logger.info("no e-mail address; notification not sent", ["job.id": .int(job.id), "job.kind": .string(job.kind)])
            return
        }
        guard let text = SKPNotificationText(notification, recipientName: recipient.name) else {
            throw PermanentJobError("unknown SKP notification kind \(notification.kind)")
        }
        try delivery.deliver(to: [(email, recipient.name)], subject: text.subject, text: text.body, for: job)
    }
}
