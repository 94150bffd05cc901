import Foundation

extension Response {
    /// An `application/json` response with `value` encoded (sorted keys, ISO 8601 dates).
    public static func json<T: Encodable>(_ value: T, status: HTTPStatus = .ok, encoder: JSONEncoder? = nil) throws -> Response {
        let encoder = encoder ?? sharedEncoder
        let data = try encoder.encode(value)
        return Response(status: status, headers: ["Content-Type": "application/json"], body: [UInt8](data))
    }

    /// One encoder for every response: making a JSONEncoder per response measured as a visible
    /// share of a small endpoint's cost; `encode` only reads its settings, so sharing is safe.
    private static let sharedEncoder = makeEncoder()

    /// The encoder `json(_:)` uses by default.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }
}
