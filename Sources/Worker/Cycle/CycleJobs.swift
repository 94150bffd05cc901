import Foundation
import JobQueue
import Persistence
import Postgres
import Runtime

/// The evaluation cycle's handlers, registered on a worker in one call (issue 6 items 2–4):
/// the two document kinds, the three cycle notifications, the daily reminder scan and the
/// reminders it queues.
public enum CycleJobs {
    /// Every kind `register` adds.
    public static var kinds: [String] {
        [CycleJobKind.evaluationDocument, CycleJobKind.objectionDecisionDocument, ReminderSchedule.kind]
            + CycleJobKind.notifications + ReminderHandler.kinds
    }

    /// Registers the handlers on `worker`, reading and writing through `pool`, enqueueing on
    /// `queue` and telling people through `notifier`; links to documents start with `links`.
    public static func register(on worker: JobWorker, pool: PostgresPool, queue: JobQueue, notifier: PersonNotifier,
                                links: DocumentLinks, logger: Logger) throws {
        let records = CycleRecordStore(pool: pool), documents = DocumentStore(pool: pool)
        let ruleSets = RuleSetStore(pool: pool), tenants = TenantRegistryStore(pool: pool)
        let evaluation = EvaluationDocumentHandler(records: records, documents: documents, ruleSets: ruleSets, queue: queue,
                                                   logger: logger)
        try worker.register(CycleJobKind.evaluationDocument, batchesOf: EvaluationDocumentHandler.batchLimit) { jobs in
            evaluation.handle(jobs)
        }
        let decision = ObjectionDecisionDocumentHandler(records: records, documents: documents, ruleSets: ruleSets,
                                                        logger: logger)
        try worker.register(CycleJobKind.objectionDecisionDocument) { job in try decision.handle(job) }
        let notifications = CycleNotificationHandler(records: records, ruleSets: ruleSets,
                                                     notifier: notifier, links: links)
        for kind in CycleJobKind.notifications {
            try worker.register(kind) { job in try notifications.handle(job) }
        }
        let scan = ReminderScanHandler(tenants: tenants, ruleSets: ruleSets,
                                       skp: SKPStore(pool: pool, notifier: .enqueueing(on: queue)),
                                       reminders: ReminderStore(pool: pool), queue: queue, logger: logger)
        try worker.register(ReminderSchedule.kind) { job in try scan.handle(job) }
        let reminders = ReminderHandler(notifier: notifier, tenants: tenants)
        for kind in ReminderHandler.kinds {
            try worker.register(kind) { job in try reminders.handle(job) }
        }
    }
}
