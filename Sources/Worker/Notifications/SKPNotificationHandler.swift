import JobQueue
import Persistence
import Runtime

/// Runs the `skp.*` jobs the SKP workflow enqueues: looks up the recipient, e-mails them and adds
/// the notification to their in-app list. A recipient without an e-mail address is not an error:
/// the in-app notification is written, and the log says no mail went out.
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
        guard let text = SKPNotificationText(notification, recipientName: recipient.name) else {
            throw PermanentJobError("unknown SKP notification kind \(notification.kind)")
        }
        let inApp = InAppNotificationDraft(tenantID: notification.tenantID, recipientID: notification.recipientID,
                                           kind: notification.kind, title: text.subject, body: text.body,
                                           link: "/v1/skp/\(notification.skpID.uuidString.lowercased())")
        if recipient.email == nil {
            logger.info("no e-mail address; in-app notification only", ["job.id": .int(job.id), "job.kind": .string(job.kind)])
        }
        try delivery.deliver(to: recipient.email.map { [($0, recipient.name)] } ?? [], subject: text.subject,
                             text: text.body, inApp: inApp, for: job)
    }
}
