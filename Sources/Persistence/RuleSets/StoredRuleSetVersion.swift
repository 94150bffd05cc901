import Foundation
import Kinerja

/// One row of `rule_set_versions` (migration 0006): the domain's version plus who did what, when.
public struct StoredRuleSetVersion: Sendable, Equatable {
    /// The version itself: number, status, rules and validity.
    public var version: RuleSetVersion
    /// Why this version exists, in words; optional.
    public var legalNote: String?
    /// Who created the draft: `user:<uuid>` or `seed`.
    public var createdBy: String
    /// When the draft was created.
    public var createdAt: Date
    /// When the row last changed (draft edits, publication, closing the range).
    public var updatedAt: Date
    /// Who published it, once published.
    public var publishedBy: String?

    /// Creates a stored version.
    public init(version: RuleSetVersion, legalNote: String?, createdBy: String, createdAt: Date, updatedAt: Date,
                publishedBy: String?) {
        self.version = version
        self.legalNote = legalNote
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.publishedBy = publishedBy
    }

    /// The version number.
    public var number: Int { version.number }
    /// The rules.
    public var ruleSet: RuleSet { version.ruleSet }
}
