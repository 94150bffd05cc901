/// The rows of a result, in order; also how many rows a command changed.
public struct PostgresRows: RandomAccessCollection, Sendable {
    let result: PostgresResult

    init(result: PostgresResult) { self.result = result }

    /// The first row index (0).
    public var startIndex: Int { 0 }
    /// One past the last row.
    public var endIndex: Int { Int(result.rowCount) }
    /// The row at `position`.
    public subscript(position: Int) -> PostgresRow { PostgresRow(result: result, row: Int32(position)) }

    /// Rows inserted, updated, deleted or selected, as the command tag says.
    public var rowsAffected: Int { result.rowsAffected }
    /// The column names, in order.
    public var columnNames: [String] { (0..<result.columnCount).map(result.columnName) }
}
