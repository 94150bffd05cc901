import Foundation
import JobQueue
import Postgres

/// The jobs an objection queues, in the transaction of the step that causes them, so the job and
/// the change commit together or not at all (architecture.md, "Queue"). Each has a unique key, so
/// a repeated step never queues twice.
enum ObjectionJobs {
    /// `document.evaluation`: the evaluation document of `version` (the evaluation core queues the
    /// same kind at finalisation, version 1; a changing decision queues the next version).
    struct EvaluationDocument: Encodable {
        let tenantId: String
        let evaluationId: String
        let version: Int
    }

    /// `document.objection-decision`: the decision letter.
    struct DecisionDocument: Encodable {
        let tenantId: String
        let objectionId: String
    }

    /// `objection.filed` (to the decider) and `objection.decided` (to the employee).
    struct Notification: Encodable {
        let tenantId: String
        let objectionId: String
        let recipientId: String
    }

    static func evaluationDocument(tenant: UUID, evaluation: UUID, version: Int, queue: JobQueue,
                                   on connection: PostgresConnection) throws {
        let id = evaluation.uuidString.lowercased()
        try queue.enqueue(on: connection, kind: "document.evaluation",
                          args: EvaluationDocument(tenantId: tenant.uuidString.lowercased(), evaluationId: id, version: version),
                          tenantID: tenant, uniqueKey: "document.evaluation:\(id):v\(version)")
    }

    static func decisionDocument(tenant: UUID, objection: UUID, queue: JobQueue, on connection: PostgresConnection) throws {
        let id = objection.uuidString.lowercased()
        try queue.enqueue(on: connection, kind: "document.objection-decision",
                          args: DecisionDocument(tenantId: tenant.uuidString.lowercased(), objectionId: id),
                          tenantID: tenant, uniqueKey: "document.objection-decision:\(id)")
    }

    static func notify(_ kind: String, tenant: UUID, objection: UUID, recipient: UUID, queue: JobQueue,
                       on connection: PostgresConnection) throws {
        let id = objection.uuidString.lowercased(), to = recipient.uuidString.lowercased()
        try queue.enqueue(on: connection, kind: kind,
                          args: Notification(tenantId: tenant.uuidString.lowercased(), objectionId: id, recipientId: to),
                          tenantID: tenant, uniqueKey: "\(kind):\(id):\(to)")
    }
}
