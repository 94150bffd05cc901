/// What an import did (or, in a dry run, would do). When `issues` is not empty nothing was written.
public struct ImportReport: Sendable, Equatable, Codable {
    /// The kind imported.
    public var kind: String
    /// Whether this was a dry run (nothing written in any case).
    public var dryRun: Bool
    /// Data rows read (without the header).
    public var rows: Int
    /// Records created.
    public var created: Int
    /// Records changed.
    public var updated: Int
    /// Records already as in the file.
    public var unchanged: Int
    /// Every problem found, in line order; empty when the file is valid.
    public var issues: [ImportIssue]

    /// Whether the file was valid (and, unless a dry run, written).
    public var isValid: Bool { issues.isEmpty }
}
