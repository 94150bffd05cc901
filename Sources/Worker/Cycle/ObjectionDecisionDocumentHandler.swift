import Foundation
import JobQueue
import Kinerja
import Persistence
import Runtime

/// Runs `document.objection-decision` (`{"tenantId", "objectionId"}`), queued when the atasan
/// pejabat penilai decides a keberatan: renders the keberatan with the evaluator's explanation and
/// the decision (documents.md §6) and stores it once, with the rule set's windows as its footer.
public struct ObjectionDecisionDocumentHandler: Sendable {
    private let records: CycleRecordStore
    private let documents: DocumentStore
    private let ruleSets: RuleSetStore
    private let logger: Logger
    private let clock: @Sendable () -> Date

    /// A handler reading with `records` and `ruleSets`, storing in `documents`.
    public init(records: CycleRecordStore, documents: DocumentStore, ruleSets: RuleSetStore, logger: Logger,
                clock: @escaping @Sendable () -> Date = Date.init) {
        self.records = records
        self.documents = documents
        self.ruleSets = ruleSets
        self.logger = logger
        self.clock = clock
    }

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let args = try CycleJobHandling.arguments(job)
        guard let objectionID = args.objectionID else {
            throw PermanentJobError("document.objection-decision needs objectionId")
        }
        guard let record = try records.objection(tenant: args.tenantID, id: objectionID) else {
            throw PermanentJobError("objection not found in the tenant")
        }
        guard try documents.versions(tenant: args.tenantID, kind: .objectionDecision, referenceID: objectionID).isEmpty else {
            logger.info("objection decision document issued already", ["job.id": .int(job.id)])
            return
        }
        let decidedOn = record.decidedAt.map { CycleRecordPrinting.day($0, record.evaluation.timeZone) } ?? record.evaluation.endsOn
        let rules = try ruleSets.inForce(tenant: args.tenantID, on: decidedOn)?.ruleSet
        let data = try ObjectionDecisionData(record: record, objection: rules?.objection, issuedAt: clock())
        let issued = try DocumentIssuer(store: documents).issue(
            data, referenceID: objectionID, subjectEmployeeID: record.evaluation.pegawai.id, id: UUID(), tenant: args.tenantID,
            actor: EvaluationDocumentHandler.actor, version: 1)
        logger.info("objection decision document issued", ["job.id": .int(job.id), "document.version": .int(issued.version)])
    }
}
