import Foundation

/// One row of a result. Decode columns by index, by name, or all at once into a tuple:
/// ```swift
/// let (id, name) = try row.decode((UUID, String).self)
/// let email = try row.decode(String?.self, column: "email")
/// ```
public struct PostgresRow: Sendable {
    let result: PostgresResult
    let row: Int32

    /// The number of columns.
    public var columnCount: Int { Int(result.columnCount) }

    /// The column at `index` (0-based) as `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type, at index: Int) throws -> T {
        guard index >= 0, index < Int(result.columnCount) else {
            throw PostgresDecodingError(column: "$\(index + 1)", actualType: "missing", expectedType: String(describing: T.self),
                                        reason: "does not exist (the row has \(result.columnCount) columns)")
        }
        return try result.withCell(row: row, column: Int32(index)) { try T.decode(from: $0) }
    }

    /// The column named exactly `name` as `T`.
    public func decode<T: PostgresDecodable>(_ type: T.Type, column name: String) throws -> T {
        guard let index = result.columnIndex(name) else {
            throw PostgresDecodingError(column: name, actualType: "missing", expectedType: String(describing: T.self),
                                        reason: "does not exist")
        }
        return try result.withCell(row: row, column: index) { try T.decode(from: $0) }
    }

    /// Every column, in order, as the tuple's types; the column count must match.
    public func decode<each T: PostgresDecodable>(_ types: (repeat each T).Type) throws -> (repeat each T) {
        var index = 0
        func next<U: PostgresDecodable>(_ type: U.Type) throws -> U {
            defer { index += 1 }
            return try decode(U.self, at: index)
        }
        let values = (repeat try next((each T).self))
        guard index == columnCount else {
            throw PostgresDecodingError(column: "*", actualType: "\(columnCount) columns", expectedType: "a tuple of \(index)",
                                        reason: "has a different column count")
        }
        return values
    }

    /// The `jsonb`/`json` column named `name`, decoded from JSON as `T`.
    public func decodeJSON<T: Decodable>(_ type: T.Type, column name: String, decoder: JSONDecoder = JSONDecoder()) throws -> T {
        try decode(PostgresJSONB.self, column: name).decode(T.self, decoder: decoder)
    }
}
