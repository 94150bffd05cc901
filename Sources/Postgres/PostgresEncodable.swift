/// A Swift value that can be sent as a bind, in PostgreSQL's text format.
public protocol PostgresEncodable: Sendable {
    /// The type OID sent with the value, so the server need not guess.
    static var postgresDataType: PostgresDataType { get }
    /// Appends the value's text form (without a NUL); not called when `isPostgresNull`.
    func encodePostgresText(into bytes: inout [UInt8])
    /// True when the value is SQL NULL (only `Optional.none`).
    var isPostgresNull: Bool { get }
}

extension PostgresEncodable {
    /// Values are not NULL unless they say so.
    public var isPostgresNull: Bool { false }
}

extension Optional: PostgresEncodable where Wrapped: PostgresEncodable {
    /// The wrapped type's OID, so a NULL is typed too.
    public static var postgresDataType: PostgresDataType { Wrapped.postgresDataType }
    /// `nil` is NULL.
    public var isPostgresNull: Bool {
        switch self {
        case .none: true
        case .some(let value): value.isPostgresNull
        }
    }
    /// Encodes the wrapped value.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        if case .some(let value) = self { value.encodePostgresText(into: &bytes) }
    }
}

extension Bool: PostgresEncodable {
    /// `bool`.
    public static var postgresDataType: PostgresDataType { .bool }
    /// `t` or `f`.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        bytes.append(self ? UInt8(ascii: "t") : UInt8(ascii: "f"))
    }
}

extension String: PostgresEncodable {
    /// `text`.
    public static var postgresDataType: PostgresDataType { .text }
    /// The UTF-8 bytes. A NUL inside the string is rejected by the server, as text cannot hold one.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: utf8)
    }
}

extension Substring: PostgresEncodable {
    /// `text`.
    public static var postgresDataType: PostgresDataType { .text }
    /// The UTF-8 bytes.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: utf8)
    }
}

extension PostgresEncodable where Self: BinaryInteger {
    /// Decimal digits, written without going through `String`.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        PostgresText.appendInteger(Int64(self), to: &bytes)
    }
}

extension Int: PostgresEncodable {
    /// `int8`: Swift's `Int` is 64-bit here.
    public static var postgresDataType: PostgresDataType { .int8 }
}

extension Int64: PostgresEncodable {
    /// `int8`.
    public static var postgresDataType: PostgresDataType { .int8 }
}

extension Int32: PostgresEncodable {
    /// `int4`.
    public static var postgresDataType: PostgresDataType { .int4 }
}

extension Int16: PostgresEncodable {
    /// `int2`.
    public static var postgresDataType: PostgresDataType { .int2 }
}

extension Double: PostgresEncodable {
    /// `float8`.
    public static var postgresDataType: PostgresDataType { .float8 }
    /// The shortest text that reads back as the same double; PostgreSQL's spelling of the
    /// special values.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        if isNaN { bytes.append(contentsOf: "NaN".utf8) }
        else if self == .infinity { bytes.append(contentsOf: "Infinity".utf8) }
        else if self == -.infinity { bytes.append(contentsOf: "-Infinity".utf8) }
        else { bytes.append(contentsOf: description.utf8) }
    }
}

extension Array: PostgresEncodable where Element: PostgresArrayElement {
    /// The element's array type (`text[]`, `uuid[]`, ...).
    public static var postgresDataType: PostgresDataType { Element.postgresArrayDataType }
    /// An array literal with every element quoted and escaped; `[UInt8]` is sent as `bytea`.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        // Test the element type, not the value: an empty array of any type casts to [UInt8]. Then
        // reinterpret rather than `as? [UInt8]`, which in this generic context casts element by
        // element (a 28 KB document cost as much as rendering it).
        if Element.self == UInt8.self {
            PostgresText.appendByteaHex(unsafeBitCast(self, to: [UInt8].self), to: &bytes)
        } else {
            PostgresArrayLiteral.encode(self, into: &bytes)
        }
    }
}
