import Foundation

/// A document read from JSON by walking a `JSONValue` tree with a `JSONReader`, which collects
/// every problem with its path instead of stopping at the first (as `JSONDecoder` would).
public protocol JSONReadable {
    /// Reads `value`, reporting problems to `reader`; nil when the document cannot be built.
    static func read(_ value: JSONValue, with reader: inout JSONReader) -> Self?
}

extension JSONReadable {
    /// Parses and validates a document, reporting every problem with its JSON path.
    public static func parse(_ data: Data) throws(ValidationFailure) -> Self {
        let value: JSONValue
        do {
            value = try JSONParser.parse(data)
        } catch {
            throw ValidationFailure(issues: [ValidationIssue(
                path: "$", code: .syntax, message: "JSON tidak sah pada byte \(error.offset): \(error.message)")])
        }
        return try validate(value)
    }

    /// Validates a parsed JSON tree as this document.
    public static func validate(_ value: JSONValue) throws(ValidationFailure) -> Self {
        var reader = JSONReader()
        let result = read(value, with: &reader)
        guard reader.issues.isEmpty, let result else { throw ValidationFailure(issues: reader.issues) }
        return result
    }
}
