import Foundation

/// What a notification job writes to the recipient's in-app list, before it is stored.
public struct InAppNotificationDraft: Sendable, Equatable {
    /// The tenant.
    public var tenantID: UUID
    /// The employee to tell.
    public var recipientID: UUID
    /// The job kind.
    public var kind: String
    /// One line, at most 200 characters (longer is cut).
    public var title: String
    /// The message, at most 4,000 characters (longer is cut).
    public var body: String
    /// An API path to follow.
    public var link: String?

    /// A draft.
    public init(tenantID: UUID, recipientID: UUID, kind: String, title: String, body: String, link: String? = nil) {
        self.tenantID = tenantID
        self.recipientID = recipientID
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
    }
}
