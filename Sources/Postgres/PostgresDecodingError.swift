/// A column that could not be decoded as the requested Swift type.
///
/// The message names the column and both types, never the value.
public struct PostgresDecodingError: Error, Sendable, CustomStringConvertible {
    /// The column name (with `[n]` for an array element).
    public let column: String
    /// The column's PostgreSQL type name.
    public let actualType: String
    /// The Swift type asked for.
    public let expectedType: String
    /// Why, when it is not a plain type mismatch ("is NULL", "has malformed text").
    public let reason: String?

    /// Builds the error for `cell`.
    public init<T>(cell: PostgresCell, expected: T.Type, reason: String? = nil) {
        self.column = cell.columnName
        self.actualType = cell.dataType.description
        self.expectedType = String(describing: T.self)
        self.reason = reason
    }

    /// An error that is not about one cell (a missing column, a wrong column count).
    public init(column: String, actualType: String, expectedType: String, reason: String?) {
        self.column = column
        self.actualType = actualType
        self.expectedType = expectedType
        self.reason = reason
    }

    /// For example `column "age" (int4) cannot be decoded as UUID`.
    public var description: String {
        var text = "column \"\(column)\" (\(actualType)) "
        if let reason { text += reason + ", " }
        return text + "cannot be decoded as \(expectedType)"
    }
}
