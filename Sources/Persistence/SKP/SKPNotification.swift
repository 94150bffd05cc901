import Foundation

/// A state change someone must hear about, to be queued as a job in the same transaction as the change.
public struct SKPNotification: Sendable, Equatable, Codable {
    /// `skp.submitted`, `skp.reviewed`, `skp.returned`, `skp.escalated` or `skp.approved`.
    public var kind: String
    /// The tenant.
    public var tenantID: UUID
    /// The SKP.
    public var skpID: UUID
    /// The revision that changed.
    public var revision: Int
    /// The employee to tell.
    public var recipientID: UUID
    /// The notes that went with the change (return, decision).
    public var notes: String?
    /// Makes the job idempotent: one job per SKP, revision, kind and workflow step.
    public var uniqueKey: String

    /// Creates a notification; the unique key is derived from the step.
    public init(kind: String, tenantID: UUID, skpID: UUID, revision: Int, step: Int, recipientID: UUID, notes: String?) {
        self.kind = kind
        self.tenantID = tenantID
        self.skpID = skpID
        self.revision = revision
        self.recipientID = recipientID
        self.notes = notes
        uniqueKey = "\(kind):\(tenantID.uuidString.lowercased()):\(skpID.uuidString.lowercased()):r\(revision):s\(step)"
    }
}
