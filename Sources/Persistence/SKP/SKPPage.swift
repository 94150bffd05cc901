import Foundation

/// A page of a list ordered by id, with the id to continue after (nil on the last page).
public struct SKPPage<Item: Sendable & Encodable>: Sendable, Encodable {
    /// The items.
    public var items: [Item]
    /// Pass as `after` for the next page; nil when there is none.
    public var nextAfter: UUID?
}
