/// A document that failed validation, carrying every issue found (not just the first).
public struct ValidationFailure: Error, Sendable, Equatable {
    /// All issues, in document-walk order.
    public var issues: [ValidationIssue]

    /// Creates a failure from its issues.
    public init(issues: [ValidationIssue]) { self.issues = issues }
}
