import Kinerja

/// Why `RuleSetStore` refused a request. The API maps each case to one problem type.
public enum RuleSetStoreError: Error, Sendable, Equatable {
    /// The document does not validate, or does not belong to the target tenant; every issue has its JSON path.
    case invalidDocument(ValidationFailure)
    /// The tenant has no version with this number.
    case versionNotFound(Int)
    /// The version rules refuse: a published version is immutable, ranges overlap, a range ends before it starts.
    case refused(RuleSetVersionError)
    /// A stored document no longer validates (a format change without a migration); an operator must look.
    case storedDocumentUnreadable(version: Int, issues: [ValidationIssue])
    /// The note is longer than the database allows.
    case legalNoteTooLong(limit: Int)
}
