/// One record of a CSV file: its fields and the (1-based) line it starts on.
public struct CSVRecord: Sendable, Equatable {
    /// The line the record starts on; a quoted field may carry it over several lines.
    public var line: Int
    /// The fields, unquoted.
    public var fields: [String]

    /// Creates a record.
    public init(line: Int, fields: [String]) {
        self.line = line
        self.fields = fields
    }
}
