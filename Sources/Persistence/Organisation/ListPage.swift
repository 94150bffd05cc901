import Foundation

/// One page of a list ordered by id, and the id to continue after (nil on the last page).
public struct ListPage<Item: Sendable>: Sendable {
    /// The items, at most the limit asked for.
    public var items: [Item]
    /// The last item's id when more items follow.
    public var nextAfter: UUID?

    /// Builds a page from up to `limit + 1` rows: the extra row only says there is more.
    init(rows: [Item], limit: Int, id: (Item) -> UUID) {
        if rows.count > limit {
            items = Array(rows.prefix(limit))
            nextAfter = items.last.map(id)
        } else {
            items = rows
            nextAfter = nil
        }
    }
}
