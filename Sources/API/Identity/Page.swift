/// A page of a list with the opaque cursor of the next page.
struct Page<Item: Encodable>: Encodable {
    let items: [Item]
    /// `null` on the last page (written out, so clients need not test for absence).
    let nextCursor: String?

    private enum CodingKeys: String, CodingKey { case items, nextCursor }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(items, forKey: .items)
        try container.encode(nextCursor, forKey: .nextCursor)
    }
}
