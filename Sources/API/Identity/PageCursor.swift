import HTTP
import Runtime

/// Opaque pagination cursors (architecture.md "API conventions"): the last key of a page,
/// versioned and base64url-encoded, so clients cannot build or depend on them.
enum PageCursor {
    static let maximumLimit = 200
    static let defaultLimit = 50

    static func encode(_ key: String) -> String { Base64URL.encode(Array(("c1:" + key).utf8)) }

    /// The key in `text`, or a 400 problem.
    static func decode(_ text: String) throws -> String {
        guard text.utf8.count <= 200, let bytes = Base64URL.decode(text),
              let decoded = String(validating: bytes, as: UTF8.self), decoded.hasPrefix("c1:")
        else {
            throw Problem.badRequest("Kursor halaman tidak valid.",
                                     errors: [Problem.FieldError(pointer: "/cursor", code: "invalid_cursor", message: "Kursor tidak valid.")])
        }
        return String(decoded.dropFirst(3))
    }

    /// `limit` from the query (1...200, default 50), or a 422 problem.
    static func limit(_ request: Request) throws -> Int {
        guard let text = request.query("limit") else { return defaultLimit }
        guard let value = Int(text), (1...maximumLimit).contains(value) else {
            throw Problem.validation([Problem.FieldError(pointer: "/limit", code: "out_of_range",
                                                         message: "limit harus 1 sampai \(maximumLimit).")])
        }
        return value
    }
}
