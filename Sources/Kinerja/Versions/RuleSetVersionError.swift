import Foundation

/// Why a rule-set version operation was refused.
public enum RuleSetVersionError: Error, Sendable, Equatable {
    /// A published version never changes.
    case publishedVersionIsImmutable(number: Int)
    /// The operation needs a published version.
    case notPublished(number: Int)
    /// The range ends before it starts.
    case invalidRange(validFrom: CivilDate, validUntil: CivilDate)
    /// The rule set belongs to another tenant.
    case tenantMismatch(expected: String, found: String)
    /// Two published versions of one tenant would be in force on the same day.
    case overlap(ValidityConflict)
}
