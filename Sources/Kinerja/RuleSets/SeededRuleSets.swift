import Foundation

/// The four rule sets the platform ships with, one JSON resource per tenant slug in `SeededRuleSets/`.
public enum SeededRuleSets {
    /// The seeded tenants' slugs.
    public static let slugs = ["karawang", "tanah-laut", "pasuruan", "demak"]

    /// Why a seeded rule set could not be loaded.
    public enum LoadError: Error, Sendable, Equatable {
        /// No resource for this slug.
        case notFound(slug: String)
        /// The resource does not validate.
        case invalid(slug: String, issues: [ValidationIssue])
    }

    /// The raw JSON document of a seeded tenant.
    public static func data(for slug: String) throws(LoadError) -> Data {
        guard slugs.contains(slug),
              let url = Bundle.module.url(forResource: slug, withExtension: "json", subdirectory: "SeededRuleSets")
                ?? Bundle.module.url(forResource: slug, withExtension: "json"),
              let data = try? Data(contentsOf: url) else {
            throw LoadError.notFound(slug: slug)
        }
        return data
    }

    /// The parsed, validated rule set of a seeded tenant.
    public static func ruleSet(for slug: String) throws(LoadError) -> RuleSet {
        let data = try data(for: slug)
        do {
            return try RuleSet.parse(data)
        } catch {
            throw LoadError.invalid(slug: slug, issues: error.issues)
        }
    }
}
