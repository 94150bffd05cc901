/// Bounds on one import, so a file cannot exhaust memory or hold a transaction for long.
public struct ImportLimits: Sendable {
    /// The largest file, in bytes (the API route's body limit uses the same figure).
    public var maxBytes: Int
    /// The most data rows.
    public var maxRows: Int

    /// 20 MiB and 50,000 rows: a large regency's whole workforce fits with room to spare.
    public static let standard = ImportLimits(maxBytes: 20 * 1024 * 1024, maxRows: 50_000)

    /// Creates limits.
    public init(maxBytes: Int, maxRows: Int) {
        self.maxBytes = maxBytes
        self.maxRows = maxRows
    }
}
