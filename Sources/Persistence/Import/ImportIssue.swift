/// One problem in an import file: where (line, column) and why (stable code, Indonesian message).
public struct ImportIssue: Sendable, Equatable, Codable {
    /// The line of the file (1 is the header).
    public var line: Int
    /// The column's header name; nil when the problem is the whole row or file.
    public var column: String?
    /// A stable snake_case code.
    public var code: String
    /// The reason in Bahasa Indonesia.
    public var message: String

    /// Creates an issue.
    public init(line: Int, column: String?, code: String, message: String) {
        self.line = line
        self.column = column
        self.code = code
        self.message = message
    }
}
