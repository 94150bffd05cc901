import Foundation

/// One reminder the daily scan sends: to one person, for one cause, on one day, listing what is
/// due (issue 6 item 4). These are the arguments of its `reminder.<cause>` job.
public struct Reminder: Sendable, Equatable, Codable {
    /// Why a person is reminded.
    public enum Cause: String, Sendable, Codable, CaseIterable {
        /// The employee has no approved SKP and the rule set's SKP deadline is near.
        case skpDeadline = "skp-deadline"
        /// The evaluator has evaluations past their assessment deadline and not rated.
        case assessmentOverdue = "assessment-overdue"
        /// The evaluator's superior has keberatan to decide whose deadline is near or past.
        case objectionDecisionDue = "objection-decision-due"

        /// The job kind: `reminder.skp-deadline`, …
        public var kind: String { "reminder." + rawValue }
    }

    /// One thing that is due: an evaluation's employee, a keberatan's employee, or the SKP itself.
    public struct Item: Sendable, Equatable, Codable {
        /// The evaluation, keberatan or employee.
        public var id: UUID
        /// Whose it is.
        public var name: String
        /// Their NIP.
        public var nip: String
        /// Its deadline.
        public var dueAt: Date?

        /// An item.
        public init(id: UUID, name: String, nip: String, dueAt: Date?) {
            self.id = id
            self.name = name
            self.nip = nip
            self.dueAt = dueAt
        }
    }

    /// At most this many items travel in one reminder; `total` still counts them all.
    public static let maxItems = 50

    /// The tenant.
    public var tenantID: UUID
    /// The person reminded.
    public var recipientID: UUID
    /// Why.
    public var cause: Cause
    /// The scan's civil day in the tenant's zone, `YYYY-MM-DD`.
    public var date: String
    /// What is due, the first `maxItems`.
    public var items: [Item]
    /// How many are due in all.
    public var total: Int
    /// The deadline the cause counts towards (the SKP deadline), when one applies to all items.
    public var deadline: String?

    /// A reminder; `items` beyond `maxItems` are counted in `total` and dropped.
    public init(tenantID: UUID, recipientID: UUID, cause: Cause, date: String, items: [Item], deadline: String? = nil) {
        self.tenantID = tenantID
        self.recipientID = recipientID
        self.cause = cause
        self.date = date
        self.items = Array(items.prefix(Self.maxItems))
        total = items.count
        self.deadline = deadline
    }

    /// The job's unique key: kind, tenant, person and day.
    public var uniqueKey: String {
        "\(cause.kind):\(tenantID.uuidString.lowercased()):\(recipientID.uuidString.lowercased()):\(date)"
    }

    private enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId", recipientID = "recipientId", cause, date, items, total, deadline
    }
}
