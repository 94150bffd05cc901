/// A type that can be an element of a one-dimensional PostgreSQL array, in both directions.
public protocol PostgresArrayElement: PostgresEncodable, PostgresDecodable {
    /// The array type whose elements are `Self` (for example `text[]` for `String`).
    static var postgresArrayDataType: PostgresDataType { get }
}

extension Optional: PostgresArrayElement where Wrapped: PostgresArrayElement {
    /// The wrapped type's array type: `[String?]` is a `text[]` that may hold NULLs.
    public static var postgresArrayDataType: PostgresDataType { Wrapped.postgresArrayDataType }
}

extension String: PostgresArrayElement {
    /// `text[]`.
    public static var postgresArrayDataType: PostgresDataType { .textArray }
}

extension Int: PostgresArrayElement {
    /// `int8[]`.
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
}

extension Int64: PostgresArrayElement {
    /// `int8[]`.
    public static var postgresArrayDataType: PostgresDataType { .int8Array }
}

extension Int32: PostgresArrayElement {
    /// `int4[]`.
    public static var postgresArrayDataType: PostgresDataType { .int4Array }
}

// `UInt8` is an array element only so that `[UInt8]` can stand for `bytea` (Swift allows one
// conditional conformance of `Array`); a lone `UInt8` travels as `int2`.
extension UInt8: PostgresArrayElement {
    /// `bytea`: `[UInt8]` is a byte string, not an array.
    public static var postgresArrayDataType: PostgresDataType { .bytea }
    /// `int2`.
    public static var postgresDataType: PostgresDataType { .int2 }
    /// From `int2` within 0...255.
    public static func decode(from cell: PostgresCell) throws -> UInt8 {
        try cell.requireType(.int2, for: UInt8.self)
        guard let value = PostgresText.parseInt64(try cell.requireBytes(as: UInt8.self)),
              let narrow = UInt8(exactly: value) else { throw cell.malformed(UInt8.self) }
        return narrow
    }
}
