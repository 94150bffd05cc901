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
/// nor the notification. The worker hands these jobs over in batches (`handle(_ jobs:)`).
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

    /// Most jobs issued in one transaction (`handle(_ jobs:)`).
    public static let batchLimit = 8

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let args = try CycleJobHandling.arguments(job)
        let (evaluationID, _) = try Self.target(args)
        let record = try records.evaluation(tenant: args.tenantID, id: evaluationID)
        guard let request = try request(for: job, args, record) else { return }
        let issued = try documents.issue([request], tenant: args.tenantID)[0]
        logger.info("evaluation document issued", ["job.id": .int(job.id), "document.version": .int(issued.version)])
    }

    /// Runs several jobs (a worker's batch): the evaluations of each tenant read in one transaction
    /// and their documents issued in another, all of them or none; a job that cannot be issued
    /// so ends alone, and should the shared transaction fail, each job runs by itself
    /// (`handle(_ job:)`), so one job's trouble is never another's. One result per job, in order.
    /// A season's documents: two transactions and one audit append for eight documents, not
    /// sixteen and eight.
    public func handle(_ jobs: [Job]) -> [Result<Void, any Error>] {
        var results = [Result<Void, any Error>?](repeating: nil, count: jobs.count)
        var byTenant: [UUID: [(index: Int, args: CycleJobArguments, evaluationID: UUID)]] = [:]
        for (index, job) in jobs.enumerated() {
            do {
                let args = try CycleJobHandling.arguments(job)
                byTenant[args.tenantID, default: []].append((index, args, try Self.target(args).evaluationID))
            } catch {
                results[index] = .failure(error)
            }
        }
        for (tenant, group) in byTenant {
            var requests: [(index: Int, request: DocumentStore.Request)] = []
            do {
                let found = try records.evaluations(tenant: tenant, ids: group.map(\.evaluationID))
                for member in group {
                    do {
                        if let request = try request(for: jobs[member.index], member.args, found[member.evaluationID]) {
                            requests.append((member.index, request))
                        } else {
                            results[member.index] = .success(())
                        }
                    } catch {
                        results[member.index] = .failure(error)
                    }
                }
                if requests.isEmpty { continue }
                let issued = try documents.issue(requests.map(\.request), tenant: tenant)
                for ((index, _), document) in zip(requests, issued) {
                    results[index] = .success(())
                    logger.info("evaluation document issued", ["job.id": .int(jobs[index].id),
                                                               "document.version": .int(document.version)])
                }
            } catch {
                logger.warning("batch of evaluation documents failed; issuing one by one",
                               ["error": .string(String(describing: error)), "count": .int(group.count)])
                for member in group where results[member.index] == nil {
                    results[member.index] = Result { try handle(jobs[member.index]) }
                }
            }
        }
        return results.map { $0 ?? .failure(PermanentJobError("evaluation document job not handled")) }
    }

    /// The evaluation and version a job names.
    private static func target(_ args: CycleJobArguments) throws -> (evaluationID: UUID, version: Int) {
        guard let evaluationID = args.evaluationID, let version = args.version else {
            throw PermanentJobError("document.evaluation needs evaluationId and version")
        }
        return (evaluationID, version)
    }

    /// What to issue for `job` of evaluation `record`, with the notification queued in the same
    /// transaction; nil when a later version changed the evaluation (that version's job prints it).
    private func request(for job: Job, _ args: CycleJobArguments, _ record: EvaluationDocumentRecord?) throws
        -> DocumentStore.Request? {
        let (evaluationID, version) = try Self.target(args)
        guard let record else { throw PermanentJobError("evaluation not found in the tenant") }
        guard record.status == "final", record.version >= version else {
            throw PermanentJobError("evaluation \(evaluationID) is not final at version \(version)")
        }
        if record.version > version {
            logger.info("evaluation changed since; document left to the newer job", ["job.id": .int(job.id)])
            return nil
        }
        let queue = self.queue
        let notify = { (stored: StoredDocument, connection: PostgresConnection) throws in
            _ = try queue.enqueue(on: connection, kind: CycleJobKind.evaluationFinalised,
                                  args: CycleJobArguments(tenantID: args.tenantID, evaluationID: evaluationID, version: version,
                                                          recipientID: record.pegawai.id, documentID: stored.id),
                                  tenantID: args.tenantID,
                                  uniqueKey: "\(CycleJobKind.evaluationFinalised):\(evaluationID.uuidString.lowercased()):v\(version)")
        }
        let issuer = DocumentIssuer(store: documents)
        if record.model == "weighted" {
            // Perbup Pasuruan 117/2019: the PP 46/2011 form, from the scores under the period's rule set.
            guard let number = RuleSetVersion.number(inReference: record.ruleSetVersion),
                  let ruleSet = try ruleSets.ruleSet(tenant: args.tenantID, number: number) else {
                throw PermanentJobError("evaluation \(evaluationID): published rule set version \(record.ruleSetVersion) not found")
            }
            return issuer.request(try PrestasiKerjaData(record: record, ruleSet: ruleSet, issuedAt: clock()),
                                  referenceID: evaluationID, subjectEmployeeID: record.pegawai.id, id: UUID(),
                                  actor: Self.actor, version: version, then: notify)
        }
        return issuer.request(try EvaluationDocumentData(record: record, issuedAt: clock()), referenceID: evaluationID,
                              subjectEmployeeID: record.pegawai.id, id: UUID(), actor: Self.actor, version: version,
                              then: notify)
    }
}
