import Foundation

/// A page of feedback or coaching records, newest first, and the id to continue after.
public struct ExecutionPage<Item: Sendable & Equatable>: Sendable, Equatable {
    /// The records of the page.
    public var items: [Item]
    /// Pass back as `after` for the next page; nil on the last page.
    public var nextAfter: UUID?
}
