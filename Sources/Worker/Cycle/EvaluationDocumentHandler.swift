import Foundation
import JobQueue
import Kinerja
import Persistence
import Postgres
import Runtime

/// Runs `document.evaluation` (`{"tenantId", "evaluationId", "version"}`), queued when an
/// evaluation becomes final and again when an objection decision changes it: renders the periodic
/// or annual evaluation document (the national form, or the PP 46/2011 form of the weighted
/// model), stores it as the evaluation's version (superseding the previous
/// one), and in the same transaction queues `evaluation.finalised` to the employee. Idempotent:
/// a version issued already is not issued again (`DocumentStore.issue` finds it in the issuing
/// transaction; a retry only renders once more), so a retried job neither duplicates the document
/// nor the notification.
public struct EvaluationDocumentHandler: Sendable {
    private let records: CycleRecordStore
    private let documents: DocumentStore
    private let ruleSets: PublishedRuleSets
    private let queue: JobQueue
    private let logger: Logger
    private let clock: @Sendable () -> Date

    /// The system actor the audit log names for issued documents.
    static let actor = AuditActor.system("kinerja-worker")

    /// A handler reading with `records` and `ruleSets`, storing in `documents`, queueing on `queue`.
    public init(records: CycleRecordStore, documents: DocumentStore, ruleSets: RuleSetStore, queue: JobQueue, logger: Logger,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.records = records
        self.documents = documents
        self.ruleSets = PublishedRuleSets(store: ruleSets)
        self.queue = queue
        self.logger = logger
        self.clock = clock
    }

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let args = try CycleJobHandling.arguments(job)
        guard let evaluationID = args.evaluationID, let version = args.version else {
            throw PermanentJobError("document.evaluation needs evaluationId and version")
        }
        guard let record = try records.evaluation(tenant: args.tenantID, id: evaluationID) else {
            throw PermanentJobError("evaluation not found in the tenant")
        }
        guard record.status == "final", record.version >= version else {
            throw PermanentJobError("evaluation \(evaluationID) is not final at version \(version)")
        }
        if record.version > version {
            // A later decision changed it again; that version's own job prints the current result.
            logger.info("evaluation changed since; document left to the newer job", ["job.id": .int(job.id)])
            return
        }
        let notify = { (documentID: UUID?, connection: PostgresConnection) throws in
            try queue.enqueue(on: connection, kind: CycleJobKind.evaluationFinalised,
                              args: CycleJobArguments(tenantID: args.tenantID, evaluationID: evaluationID, version: version,
                                                      recipientID: record.pegawai.id, documentID: documentID),
                              tenantID: args.tenantID,
                              uniqueKey: "\(CycleJobKind.evaluationFinalised):\(evaluationID.uuidString.lowercased()):v\(version)")
        }
        let issuer = DocumentIssuer(store: documents)
        let issued: StoredDocument
        if record.model == "weighted" {
            // Perbup Pasuruan 117/2019: the PP 46/2011 form, from the scores under the period's rule set.
            guard let number = RuleSetVersion.number(inReference: record.ruleSetVersion),
                  let ruleSet = try ruleSets.ruleSet(tenant: args.tenantID, number: number) else {
                throw PermanentJobError("evaluation \(evaluationID): published rule set version \(record.ruleSetVersion) not found")
            }
            let data = try PrestasiKerjaData(record: record, ruleSet: ruleSet, issuedAt: clock())
            issued = try issuer.issue(data, referenceID: evaluationID, subjectEmployeeID: record.pegawai.id, id: UUID(),
                                      tenant: args.tenantID, actor: Self.actor, version: version) { stored, connection in
                _ = try notify(stored.id, connection)
            }
        } else {
            let data = try EvaluationDocumentData(record: record, issuedAt: clock())
            issued = try issuer.issue(data, referenceID: evaluationID, subjectEmployeeID: record.pegawai.id, id: UUID(),
                                      tenant: args.tenantID, actor: Self.actor, version: version) { stored, connection in
                _ = try notify(stored.id, connection)
            }
        }
        logger.info("evaluation document issued", ["job.id": .int(job.id), "document.version": .int(issued.version)])
    }
}
