/// Every problem with the mail settings, reported together. (Runtime's `ConfigurationError`
/// cannot be built outside Runtime, so the worker adds these lines to its own report.)
public struct MailConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// One line per problem, `NAME message`.
    public let problems: [String]
    public var description: String {
        "invalid mail configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
