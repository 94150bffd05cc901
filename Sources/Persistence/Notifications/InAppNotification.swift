import Foundation

/// One entry of a person's in-app notification list (migration 0017): the same event an e-mail
/// announced, in Bahasa Indonesia, with an API path to follow.
public struct InAppNotification: Sendable, Equatable, Encodable {
    /// The notification's id (time-ordered, so newer ids sort higher).
    public var id: UUID
    /// The job kind that told the person, e.g. `evaluation.finalised`.
    public var kind: String
    /// One line.
    public var title: String
    /// The message.
    public var body: String
    /// An API path, e.g. `/v1/documents/{id}`; nil when there is nothing to open.
    public var link: String?
    /// When it was written.
    public var createdAt: Date
    /// When the person marked it read; nil while unread.
    public var readAt: Date?

    /// A notification as stored.
    public init(id: UUID, kind: String, title: String, body: String, link: String?, createdAt: Date, readAt: Date?) {
        self.id = id
        self.kind = kind
        self.title = title
        self.body = body
        self.link = link
        self.createdAt = createdAt
        self.readAt = readAt
    }

    private enum CodingKeys: String, CodingKey { case id, kind, title, body, link, createdAt, readAt }

    /// Ids in lower case and times in ISO 8601, as the API writes them; absent values as null.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeLowercased(id, forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(title, forKey: .title)
        try container.encode(body, forKey: .body)
        try container.encode(link, forKey: .link)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(readAt, forKey: .readAt)
    }
}
