/// One value of a result row (or one element of an array value), in PostgreSQL's text format.
///
/// The bytes borrow the result's memory: a cell is only valid while the decoding call that
/// received it runs.
public struct PostgresCell {
    /// The text bytes, or nil for SQL NULL.
    public let bytes: UnsafeRawBufferPointer?
    /// The column's (or array element's) type.
    public let dataType: PostgresDataType
    let result: PostgresResult?
    let column: Int32
    /// The element position inside an array value, or -1.
    let element: Int

    init(bytes: UnsafeRawBufferPointer?, dataType: PostgresDataType, result: PostgresResult?, column: Int32, element: Int = -1) {
        self.bytes = bytes
        self.dataType = dataType
        self.result = result
        self.column = column
        self.element = element
    }

    /// The column name, with `[n]` (1-based) for an array element; looked up only for errors.
    public var columnName: String {
        let name = result?.columnName(column) ?? "$\(column + 1)"
        return element >= 0 ? "\(name)[\(element + 1)]" : name
    }

    /// The bytes, or a "NULL cannot be decoded as T" error.
    public func requireBytes<T>(as type: T.Type) throws -> UnsafeRawBufferPointer {
        guard let bytes else { throw PostgresDecodingError(cell: self, expected: T.self, reason: "is NULL") }
        return bytes
    }

    /// Throws the standard mismatch error unless the cell's type is one of `accepted`.
    public func requireType<T>(_ accepted: PostgresDataType..., for type: T.Type) throws {
        guard accepted.contains(dataType) else { throw PostgresDecodingError(cell: self, expected: T.self) }
    }

    /// The error for text that does not parse as `T`.
    public func malformed<T>(_ type: T.Type) -> PostgresDecodingError {
        PostgresDecodingError(cell: self, expected: T.self, reason: "has malformed text")
    }

    /// The cell as a Swift string (for decoders that need one).
    public var string: String? {
        bytes.map { String(decoding: $0, as: UTF8.self) }
    }
}
