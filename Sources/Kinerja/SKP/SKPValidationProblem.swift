/// One thing wrong with an SKP's content, pointed at with a JSON Pointer (RFC 6901).
public struct SKPValidationProblem: Sendable, Equatable, Codable {
    /// E.g. `/rhk/0/iki/1/unit`.
    public var pointer: String
    /// A stable code, e.g. `time-unit-not-allowed`.
    public var code: String
    /// The problem in Bahasa Indonesia (with the article, when a rule of the tenant refuses it).
    public var message: String
    /// The article behind the rule, when there is one.
    public var basis: LegalBasis?

    /// Creates a problem.
    public init(pointer: String, code: String, message: String, basis: LegalBasis? = nil) {
        self.pointer = pointer
        self.code = code
        self.message = message
        self.basis = basis
    }
}
