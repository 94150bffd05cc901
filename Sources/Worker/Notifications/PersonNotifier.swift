import Foundation
import JobQueue
import Persistence
import Runtime

/// Tells one employee about one event: an e-mail through `JobMailDelivery` (once per job) and the
/// same message in their in-app list, written with the delivery record. Every notification job
/// handler ends here. A recipient without an e-mail address still gets the in-app notification.
public struct PersonNotifier: Sendable {
    private let recipients: RecipientStore
    private let delivery: JobMailDelivery
    private let logger: Logger

    /// A notifier reading recipients from `recipients` and sending through `delivery`.
    public init(recipients: RecipientStore, delivery: JobMailDelivery, logger: Logger) {
        self.recipients = recipients
        self.delivery = delivery
        self.logger = logger
    }

    /// Sends what `compose` writes for the recipient's name to employee `recipientID` of `tenant`
    /// for `job`; `link` is the API path the in-app notification opens. An unknown recipient fails
    /// permanently.
    public func notify(_ recipientID: UUID, tenant: UUID, link: String?, for job: Job,
                       compose: (_ recipientName: String) throws -> NotificationText) throws {
        try notify(try recipients.employee(recipientID, tenant: tenant), id: recipientID, tenant: tenant, link: link,
                   for: job, compose: compose)
    }

    /// `notify` for a recipient the caller read already (nil: not found, a permanent failure).
    public func notify(_ recipient: RecipientStore.Recipient?, id recipientID: UUID, tenant: UUID, link: String?, for job: Job,
                       compose: (_ recipientName: String) throws -> NotificationText) throws {
        guard let recipient else { throw PermanentJobError("recipient not found in the tenant") }
        let text = try compose(recipient.name)
        let inApp = InAppNotificationDraft(tenantID: tenant, recipientID: recipientID, kind: job.kind,
                                           title: text.subject, body: text.body, link: link)
        if recipient.email == nil {
            logger.info("no e-mail address; in-app notification only", ["job.id": .int(job.id), "job.kind": .string(job.kind)])
        }
        try delivery.deliver(to: recipient.email.map { [($0, recipient.name)] } ?? [], subject: text.subject,
                             text: text.body, inApp: inApp, for: job)
    }
}
