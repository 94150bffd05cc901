import Foundation
import JobQueue
import Kinerja
import Persistence
import Runtime

/// Runs `reminders.scan` for one tenant (`{"tenantId"}`, fired daily by `ReminderSchedule`): finds
/// by the rule set in force what is due and queues one `reminder.<cause>` job per person and
/// cause, recorded per day in `reminders_sent`, so a second scan on the same day queues nothing.
///
/// - SKP deadline (`skp.deadline`): from `skpReminderDays` before the deadline to the deadline
///   itself, each obliged employee without an approved SKP for the year (coverage exemptions
///   apply: Perbup Karawang 28/2024, the exempt are never reminded).
/// - Overdue assessments: evaluations past `assessment_due_at` and not rated, to the evaluator
///   (Perbup Pasuruan 117/2019 Pasal 15 ayat (2); an evaluator who does not evaluate is subject
///   to discipline, PP 94/2021).
/// - Objection decisions: keberatan still filed whose decision deadline is within
///   `objectionReminderWindow` or past, to the decider (Perbup Tanah Laut 2024 Pasal 35 huruf e).
public struct ReminderScanHandler: Sendable {
    /// Days before the SKP deadline on which reminders start.
    public static let skpReminderDays = 7
    /// How far ahead a decision deadline counts as due.
    public static let objectionReminderWindow: TimeInterval = 2 * 24 * 3600

    private let tenants: TenantRegistryStore
    private let ruleSets: RuleSetStore
    private let skp: SKPStore
    private let reminders: ReminderStore
    private let queue: JobQueue
    private let logger: Logger
    private let clock: @Sendable () -> Date

    /// A scan over the given stores, queueing on `queue`, at `clock`'s time.
    public init(tenants: TenantRegistryStore, ruleSets: RuleSetStore, skp: SKPStore, reminders: ReminderStore,
                queue: JobQueue, logger: Logger, clock: @escaping @Sendable () -> Date = Date.init) {
        self.tenants = tenants
        self.ruleSets = ruleSets
        self.skp = skp
        self.reminders = reminders
        self.queue = queue
        self.logger = logger
        self.clock = clock
    }

    /// Runs one job; what a retry cannot fix fails permanently.
    public func handle(_ job: Job) throws {
        let args: ReminderSchedule.Arguments
        do {
            args = try job.decodeArgs(ReminderSchedule.Arguments.self)
        } catch {
            throw PermanentJobError("invalid reminders.scan arguments: \(error)")
        }
        let queued = try scan(tenant: args.tenantID)
        logger.info("reminder scan done", ["job.id": .int(job.id), "reminders": .int(queued)])
    }

    /// Scans `tenant` now; returns how many reminders were queued.
    @discardableResult
    public func scan(tenant id: UUID) throws -> Int {
        guard let tenant = try tenants.tenant(id: id), tenant.active else { return 0 }
        let now = clock()
        let today = CycleRecordPrinting.day(now, tenant.timeZone)
        guard let ruleSet = try ruleSets.inForce(tenant: id, on: today)?.ruleSet else {
            logger.warning("no rule set in force; no reminders", ["tenant": .string(tenant.slug)])
            return 0
        }
        let date = today.description
        var due: [Reminder] = []
        if let deadline = SKPCheck.deadline(forYear: today.year, ruleSet: ruleSet)?.value,
           today <= deadline, deadline.daysSinceEpoch - today.daysSinceEpoch <= Self.skpReminderDays {
            // As of the day after the deadline the report lists every obliged employee whose
            // SKP is missing or not approved; nobody approved late yet, since the deadline is ahead.
            let report = try skp.missingReport(tenant: id, year: today.year, perangkatDaerah: nil, ruleSet: ruleSet,
                                               asOf: deadline.adding(days: 1))
            for entry in report?.entries ?? [] {
                due.append(Reminder(tenantID: id, recipientID: entry.employeeID, cause: .skpDeadline, date: date,
                                    items: [Reminder.Item(id: entry.employeeID, name: entry.name, nip: entry.nip,
                                                          dueAt: deadline.endInstant(in: ruleSet.resolvedTimeZone))],
                                    deadline: deadline.description))
            }
        }
        for (evaluator, items) in try reminders.overdueAssessments(tenant: id, now: now) {
            due.append(Reminder(tenantID: id, recipientID: evaluator, cause: .assessmentOverdue, date: date, items: items))
        }
        let until = now.addingTimeInterval(Self.objectionReminderWindow)
        for (decider, items) in try reminders.objectionDecisionsDue(tenant: id, until: until) {
            due.append(Reminder(tenantID: id, recipientID: decider, cause: .objectionDecisionDue, date: date, items: items))
        }
        return try reminders.record(due, tenant: id) { reminder, connection in
            try queue.enqueue(on: connection, kind: reminder.cause.kind, args: reminder, tenantID: id, priority: 3,
                              uniqueKey: reminder.uniqueKey, maxAttempts: 10)
        }
    }
}
