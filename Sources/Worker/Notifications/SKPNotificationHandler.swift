import JobQueue
import Persistence
import Runtime

/// Runs the `skp.*` jobs the SKP workflow enqueues: e-mails the recipient and adds the
/// notification to their in-app list (`PersonNotifier`).
public struct SKPNotificationHandler: Sendable {
    private let notifier: PersonNotifier

    /// A handler telling through `notifier`.
    public init(notifier: PersonNotifier) {
        self.notifier = notifier
    }

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let notification: SKPNotification
        do {
            notification = try job.decodeArgs(SKPNotification.self)
        } catch {
            throw PermanentJobError("invalid SKP notification arguments: \(error)")
        }
        try notifier.notify(notification.recipientID, tenant: notification.tenantID,
                            link: "/v1/skp/\(notification.skpID.uuidString.lowercased())", for: job) { name in
            guard let text = SKPNotificationText(notification, recipientName: name) else {
                throw PermanentJobError("unknown SKP notification kind \(notification.kind)")
            }
            return NotificationText(subject: text.subject, body: text.body)
        }
    }
}
