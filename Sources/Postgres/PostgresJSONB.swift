import Foundation

/// A `jsonb` value as raw JSON text: bind it to write JSON, decode it to read JSON.
public struct PostgresJSONB: Sendable, Hashable, PostgresEncodable, PostgresDecodable {
    /// The UTF-8 JSON text.
    public let bytes: [UInt8]

    /// Wraps JSON text the caller vouches for (the server rejects invalid JSON).
    public init(rawJSON: String) {
        bytes = Array(rawJSON.utf8)
    }

    /// Encodes `value` with `encoder`.
    public init<Value: Encodable>(encoding value: Value, encoder: JSONEncoder = JSONEncoder()) throws {
        bytes = Array(try encoder.encode(value))
    }

    /// The JSON text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Decodes the JSON as `type` with `decoder`.
    public func decode<Value: Decodable>(_ type: Value.Type, decoder: JSONDecoder = JSONDecoder()) throws -> Value {
        try decoder.decode(Value.self, from: Data(bytes))
    }

    /// `jsonb`.
    public static var postgresDataType: PostgresDataType { .jsonb }

    /// The JSON text.
    public func encodePostgresText(into out: inout [UInt8]) {
        out.append(contentsOf: bytes)
    }

    /// From `jsonb` or `json`.
    public static func decode(from cell: PostgresCell) throws -> PostgresJSONB {
        try cell.requireType(.jsonb, .json, for: PostgresJSONB.self)
        return PostgresJSONB(bytes: Array(try cell.requireBytes(as: PostgresJSONB.self)))
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }
}
