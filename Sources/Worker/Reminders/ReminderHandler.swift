import Foundation
import JobQueue
import Persistence

/// Runs the `reminder.*` jobs the daily scan queues: the reminder in Bahasa Indonesia
/// (`ReminderText`) by e-mail and in the app, once per job.
public struct ReminderHandler: Sendable {
    private let notifier: PersonNotifier
    private let tenants: TenantRegistryStore

    /// A handler telling through `notifier`, reading tenants' zones from `tenants`.
    public init(notifier: PersonNotifier, tenants: TenantRegistryStore) {
        self.notifier = notifier
        self.tenants = tenants
    }

    /// Every reminder kind.
    public static var kinds: [String] { Reminder.Cause.allCases.map(\.kind) }

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let reminder: Reminder
        do {
            reminder = try job.decodeArgs(Reminder.self)
        } catch {
            throw PermanentJobError("invalid reminder arguments: \(error)")
        }
        let zone = try tenants.tenant(id: reminder.tenantID)?.timeZone ?? "Asia/Jakarta"
        try notifier.notify(reminder.recipientID, tenant: reminder.tenantID, link: nil, for: job) { name in
            ReminderText.text(reminder, to: name, timeZone: zone)
        }
    }
}
