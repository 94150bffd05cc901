import Foundation
import Postgres

/// Where SKP notifications go: called on the store's connection inside the transaction of the
/// change, so the job and the change commit together or not at all (architecture.md, "Queue").
///
/// Production passes `JobQueue.enqueue(on:kind:args:tenantID:uniqueKey:)` here. Persistence does
/// not depend on JobQueue (Package.swift), so the executable wires it.
public struct SKPNotifier: Sendable {
    /// Enqueues one notification on the transaction's connection.
    public let enqueue: @Sendable (SKPNotification, PostgresConnection) throws -> Void

    /// A notifier from a function that enqueues on the given connection.
    public init(enqueue: @escaping @Sendable (SKPNotification, PostgresConnection) throws -> Void) {
        self.enqueue = enqueue
    }

    /// Why a notification could not be queued.
    public struct NotWired: Error, Sendable, Equatable {
        /// The notification's kind.
        public var kind: String
    }

    /// The notifier until the job queue is wired into the API: it refuses, so a state change that
    /// someone must hear about rolls back instead of happening silently.
    public static let awaitingJobQueue = SKPNotifier { notification, _ in
        throw NotWired(kind: notification.kind)
    }
}
