import Foundation
import JobQueue
import Postgres

/// Where document jobs go: called on the store's connection inside the finalising transaction,
/// so the evaluations and their jobs commit together or not at all (architecture.md, "Queue").
public struct EvaluationDocumentQueue: Sendable {
    /// Enqueues one job on the transaction's connection.
    public let enqueue: @Sendable (EvaluationDocumentJob, PostgresConnection) throws -> Void

    /// A queue from a function that enqueues on the given connection.
    public init(enqueue: @escaping @Sendable (EvaluationDocumentJob, PostgresConnection) throws -> Void) {
        self.enqueue = enqueue
    }

    /// Queues each document as a `document.evaluation` job on `queue`, for the job's tenant, with its unique key.
    public static func enqueueing(on queue: JobQueue) -> EvaluationDocumentQueue {
        EvaluationDocumentQueue { job, connection in
            try queue.enqueue(on: connection, kind: EvaluationDocumentJob.kind, args: job, tenantID: job.tenantID,
                              uniqueKey: job.uniqueKey)
        }
    }
}
