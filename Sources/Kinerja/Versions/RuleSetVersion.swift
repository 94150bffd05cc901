import Foundation

/// One version of a tenant's rule set: a draft that may change, or a published version that never does.
///
/// A published version has a validity range of civil dates, `validFrom` through `validUntil`
/// (inclusive; `nil` = open-ended). The rules and `validFrom` of a published version never change; the
/// only act allowed on it is closing an open-ended range once, when a successor is published
/// (`closing(through:)`), so that the history stays a sequence of non-overlapping ranges.
public struct RuleSetVersion: Sendable, Equatable, Codable {
    /// Draft or published.
    public enum Status: String, Sendable, Codable {
        /// Editable, not in force.
        case draft
        /// Immutable, in force within its validity range.
        case published
    }

    /// The tenant slug.
    public let tenant: String
    /// The version number, unique per tenant.
    public let number: Int
    /// Draft or published.
    public private(set) var status: Status
    /// The rules.
    public private(set) var ruleSet: RuleSet
    /// First day in force (published only).
    public private(set) var validFrom: CivilDate?
    /// Last day in force, inclusive; `nil` while open-ended.
    public private(set) var validUntil: CivilDate?
    /// When it was published (an injected instant, never read from a clock here).
    public private(set) var publishedAt: Date?

    /// How plans, periods and evaluations record the rules they were made under: `slug@number`
    /// (e.g. `karawang@3`), readable in the database and unambiguous across tenants.
    public var reference: String { "\(tenant)@\(number)" }

    /// The version number a `reference` names (`karawang@3` → 3; a bare `3` too); nil otherwise.
    public static func number(inReference reference: String) -> Int? {
        reference.split(separator: "@").last.flatMap { Int($0) }
    }

    /// A new draft.
    public static func draft(number: Int, ruleSet: RuleSet) -> RuleSetVersion {
        RuleSetVersion(tenant: ruleSet.tenant, number: number, status: .draft, ruleSet: ruleSet,
                       validFrom: nil, validUntil: nil, publishedAt: nil)
    }

    /// The draft with its rules replaced; a published version refuses.
    public func editing(_ newRuleSet: RuleSet) throws(RuleSetVersionError) -> RuleSetVersion {
        guard status == .draft else { throw .publishedVersionIsImmutable(number: number) }
        guard newRuleSet.tenant == tenant else {
            throw .tenantMismatch(expected: tenant, found: newRuleSet.tenant)
        }
        var copy = self
        copy.ruleSet = newRuleSet
        return copy
    }

    /// The draft published, in force from `validFrom` through `validUntil` (inclusive; `nil` = open-ended).
    public func published(validFrom: CivilDate, validUntil: CivilDate? = nil,
                          at instant: Date) throws(RuleSetVersionError) -> RuleSetVersion {
        guard status == .draft else { throw .publishedVersionIsImmutable(number: number) }
        if let validUntil, validUntil < validFrom {
            throw .invalidRange(validFrom: validFrom, validUntil: validUntil)
        }
        var copy = self
        copy.status = .published
        copy.validFrom = validFrom
        copy.validUntil = validUntil
        copy.publishedAt = instant
        return copy
    }

    /// The published, open-ended version ending on `lastDay` (inclusive), for a successor to take over.
    public func closing(through lastDay: CivilDate) throws(RuleSetVersionError) -> RuleSetVersion {
        guard status == .published, let validFrom else { throw .notPublished(number: number) }
        guard validUntil == nil else { throw .publishedVersionIsImmutable(number: number) }
        guard lastDay >= validFrom else { throw .invalidRange(validFrom: validFrom, validUntil: lastDay) }
        var copy = self
        copy.validUntil = lastDay
        return copy
    }

    /// Whether this version is published and in force on `date`.
    public func isInForce(on date: CivilDate) -> Bool {
        guard status == .published, let validFrom else { return false }
        return validFrom <= date && (validUntil.map { date <= $0 } ?? true)
    }
}
