/// A Swift value that can be read from a result column in PostgreSQL's text format.
public protocol PostgresDecodable {
    /// Decodes the cell, throwing `PostgresDecodingError` for NULL, a type mismatch or bad text.
    static func decode(from cell: PostgresCell) throws -> Self
}

extension Optional: PostgresDecodable where Wrapped: PostgresDecodable {
    /// NULL becomes nil; anything else decodes as `Wrapped`.
    public static func decode(from cell: PostgresCell) throws -> Self {
        guard cell.bytes != nil else { return nil }
        return try Wrapped.decode(from: cell)
    }
}

extension Bool: PostgresDecodable {
    /// From `bool` (`t` / `f`).
    public static func decode(from cell: PostgresCell) throws -> Bool {
        try cell.requireType(.bool, for: Bool.self)
        let bytes = try cell.requireBytes(as: Bool.self)
        guard bytes.count == 1 else { throw cell.malformed(Bool.self) }
        switch bytes[0] {
        case UInt8(ascii: "t"): return true
        case UInt8(ascii: "f"): return false
        default: throw cell.malformed(Bool.self)
        }
    }
}

extension String: PostgresDecodable {
    /// From the textual types and from `json`/`jsonb` (the JSON text).
    public static func decode(from cell: PostgresCell) throws -> String {
        try cell.requireType(.text, .varchar, .bpchar, .name, .unknown, .json, .jsonb, for: String.self)
        return String(decoding: try cell.requireBytes(as: String.self), as: UTF8.self)
    }
}

extension Int: PostgresDecodable {
    /// From `int2`, `int4` or `int8`.
    public static func decode(from cell: PostgresCell) throws -> Int {
        try cell.requireType(.int2, .int4, .int8, for: Int.self)
        guard let value = PostgresText.parseInt64(try cell.requireBytes(as: Int.self)) else { throw cell.malformed(Int.self) }
        return Int(value)
    }
}

extension Int64: PostgresDecodable {
    /// From `int2`, `int4` or `int8`.
    public static func decode(from cell: PostgresCell) throws -> Int64 {
        try cell.requireType(.int2, .int4, .int8, for: Int64.self)
        guard let value = PostgresText.parseInt64(try cell.requireBytes(as: Int64.self)) else { throw cell.malformed(Int64.self) }
        return value
    }
}

extension Int32: PostgresDecodable {
    /// From `int2` or `int4` (an `int8` could overflow, so it is a type mismatch).
    public static func decode(from cell: PostgresCell) throws -> Int32 {
        try cell.requireType(.int2, .int4, for: Int32.self)
        guard let value = PostgresText.parseInt64(try cell.requireBytes(as: Int32.self)),
              let narrow = Int32(exactly: value) else { throw cell.malformed(Int32.self) }
        return narrow
    }
}

extension Int16: PostgresDecodable {
    /// From `int2`.
    public static func decode(from cell: PostgresCell) throws -> Int16 {
        try cell.requireType(.int2, for: Int16.self)
        guard let value = PostgresText.parseInt64(try cell.requireBytes(as: Int16.self)),
              let narrow = Int16(exactly: value) else { throw cell.malformed(Int16.self) }
        return narrow
    }
}

extension Double: PostgresDecodable {
    /// From `float4` or `float8`, including `NaN` and the infinities.
    public static func decode(from cell: PostgresCell) throws -> Double {
        try cell.requireType(.float4, .float8, for: Double.self)
        let text = String(decoding: try cell.requireBytes(as: Double.self), as: UTF8.self)
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let value = Double(text) else { throw cell.malformed(Double.self) }
            return value
        }
    }
}

extension Array: PostgresDecodable where Element: PostgresArrayElement {
    /// From a one-dimensional array of `Element`'s array type; `[UInt8]` reads `bytea` instead.
    public static func decode(from cell: PostgresCell) throws -> [Element] {
        if Element.self == UInt8.self {
            try cell.requireType(.bytea, for: [UInt8].self)
            guard let bytes = PostgresText.decodeByteaHex(try cell.requireBytes(as: [UInt8].self)) else {
                throw cell.malformed([UInt8].self)
            }
            // Element is UInt8: reinterpret instead of `as? [Element]`, which casts element by element.
            return unsafeBitCast(bytes, to: [Element].self)
        }
        try cell.requireType(Element.postgresArrayDataType, for: [Element].self)
        return try PostgresArrayLiteral.decode(cell, as: Element.self)
    }
}
