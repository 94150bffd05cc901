import Foundation
import JobQueue
import Kinerja
import Persistence
import Runtime

/// Runs the cycle's notification jobs (`evaluation.finalised`, `objection.filed`,
/// `objection.decided`; args `{"tenantId", "recipientId", …}`): reads what happened, writes the
/// message in Bahasa Indonesia (`CycleNotificationText`) and tells the recipient by e-mail and
/// in the app (`PersonNotifier`), once per job.
public struct CycleNotificationHandler: Sendable {
    private let records: CycleRecordStore
    private let ruleSets: PublishedRuleSets
    private let notifier: PersonNotifier
    private let links: DocumentLinks

    /// A handler reading with the stores and telling through `notifier`.
    public init(records: CycleRecordStore, ruleSets: RuleSetStore, notifier: PersonNotifier,
                links: DocumentLinks) {
        self.records = records
        self.ruleSets = PublishedRuleSets(store: ruleSets)
        self.notifier = notifier
        self.links = links
    }

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let args = try CycleJobHandling.arguments(job)
        switch job.kind {
        case CycleJobKind.evaluationFinalised: try evaluationFinalised(args, job)
        case CycleJobKind.objectionFiled: try objectionFiled(args, job)
        case CycleJobKind.objectionDecided: try objectionDecided(args, job)
        default: throw PermanentJobError("unknown cycle notification kind \(job.kind)")
        }
    }

    private func evaluationFinalised(_ args: CycleJobArguments, _ job: Job) throws {
        // One read for what the message says and to whom (a season queues one such job per employee).
        guard let evaluationID = args.evaluationID,
              let notice = try records.notice(tenant: args.tenantID, id: evaluationID, documentID: args.documentID,
                                              recipientID: args.recipientID) else {
            throw PermanentJobError("evaluation not found in the tenant")
        }
        let window = try notice.ruleSetVersionInForce.flatMap { number in
            try ruleSets.ruleSet(tenant: args.tenantID, number: number)?.objection.filingWindow
        }
        let period = CycleRecordPrinting.period(notice).label
        let document = notice.documentID.flatMap { id in notice.verificationCode.map { (id: id, code: $0) } }
        try notifier.notify(notice.recipient, id: args.recipientID ?? notice.employeeID, tenant: args.tenantID,
                            link: document.map { links.path($0.id) }, for: job) { name in
            CycleNotificationText.evaluationFinalised(
                to: name, period: period, predikat: notice.predikat, version: args.version ?? notice.version,
                document: document.map { (links.url($0.id), $0.code) }, filingWindow: window)
        }
    }

    private func objectionFiled(_ args: CycleJobArguments, _ job: Job) throws {
        let record = try objection(args)
        let evaluation = record.evaluation
        let due = record.decisionDueAt.map { IndonesianDate.long(CycleRecordPrinting.day($0, evaluation.timeZone)) }
        try notifier.notify(args.recipientID ?? record.deciderID, tenant: args.tenantID, link: nil, for: job) { name in
            CycleNotificationText.objectionFiled(to: name, employee: evaluation.pegawai.name, nip: evaluation.pegawai.nip,
                                                 period: CycleRecordPrinting.period(evaluation).label,
                                                 reasons: record.reasons, decisionDue: due)
        }
    }

    private func objectionDecided(_ args: CycleJobArguments, _ job: Job) throws {
        let record = try objection(args)
        let document = try records.currentDocument(tenant: args.tenantID, reference: record.id, kinds: [.objectionDecision])
        // The decision's document is queued in the same transaction as this job and usually
        // exists by now; if not, two retries (16 s, 31 s) wait for it before the mail goes without.
        if document == nil, job.attempt < Self.attemptsWaitingForDocument {
            throw DocumentPending(objectionID: record.id)
        }
        try notifier.notify(args.recipientID ?? record.evaluation.pegawai.id, tenant: args.tenantID,
                            link: document.map { links.path($0.id) }, for: job) { name in
            CycleNotificationText.objectionDecided(
                to: name, period: CycleRecordPrinting.period(record.evaluation).label, changed: record.outcome == "changed",
                newPredikat: record.newPredikat, document: document.map { (links.url($0.id), $0.code) })
        }
    }

    /// Attempts of `objection.decided` that wait for the decision document.
    static let attemptsWaitingForDocument = 3

    /// The decision document is not issued yet: retry, so the mail can link it.
    struct DocumentPending: Error, CustomStringConvertible {
        let objectionID: UUID
        var description: String { "objection decision document for \(objectionID) not issued yet" }
    }

    private func objection(_ args: CycleJobArguments) throws -> ObjectionDocumentRecord {
        guard let objectionID = args.objectionID,
              let record = try records.objection(tenant: args.tenantID, id: objectionID) else {
            throw PermanentJobError("objection not found in the tenant")
        }
        return record
    }
}
