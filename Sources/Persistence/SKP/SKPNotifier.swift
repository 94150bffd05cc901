import Foundation
import JobQueue
import Postgres

/// Where SKP notifications go: called on the store's connection inside the transaction of the
/// change, so the job and the change commit together or not at all (architecture.md, "Queue").
public struct SKPNotifier: Sendable {
    /// Enqueues one notification on the transaction's connection.
    public let enqueue: @Sendable (SKPNotification, PostgresConnection) throws -> Void

    /// A notifier from a function that enqueues on the given connection.
    public init(enqueue: @escaping @Sendable (SKPNotification, PostgresConnection) throws -> Void) {
        self.enqueue = enqueue
    }

    /// Queues each notification as a job of its kind (`skp.submitted`, …) on `queue`, for the
    /// notification's tenant, with its unique key, so a repeated step never queues twice.
    public static func enqueueing(on queue: JobQueue) -> SKPNotifier {
        SKPNotifier { notification, connection in
            try queue.enqueue(on: connection, kind: notification.kind, args: notification, tenantID: notification.tenantID,
                              uniqueKey: notification.uniqueKey)
        }
    }
}
