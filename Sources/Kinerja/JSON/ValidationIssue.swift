/// One problem found while validating a JSON document: where, a stable code, and a message for people.
public struct ValidationIssue: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// Stable, English machine codes; clients switch on these, never on the message.
    public enum Code: String, Sendable, Codable, Hashable {
        /// The document is not JSON at all.
        case syntax
        /// A required member is missing.
        case required
        /// The member has the wrong JSON type.
        case wrongType
        /// A number lies outside its allowed range.
        case outOfRange
        /// A string is not one of the allowed values.
        case unknownValue
        /// A member the format does not know (usually a typo).
        case unknownKey
        /// A civil date is not a real `YYYY-MM-DD` date.
        case invalidDate
        /// A list holds the same entry twice.
        case duplicate
        /// A list that must not be empty is empty.
        case empty
        /// Members that are fine alone contradict each other.
        case inconsistent
    }

    /// Where, e.g. `$.evaluation.weights.skp`.
    public var path: String
    /// What kind of problem.
    public var code: Code
    /// The explanation in Bahasa Indonesia.
    public var message: String

    /// Creates an issue.
    public init(path: String, code: Code, message: String) {
        self.path = path
        self.code = code
        self.message = message
    }

    /// `path: message`, the form shown to administrators.
    public var description: String { "\(path): \(message)" }
}
