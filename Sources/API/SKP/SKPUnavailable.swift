import Foundation
import HTTP
import Kinerja

/// Stands in for the organisation store and the rule-set store until they are in main: answers
/// 503, so a route that needs them says so instead of guessing.
public struct SKPUnavailable: SKPOrganisation, SKPRuleSource {
    /// Creates the stand-in.
    public init() {}

    private var problem: Problem {
        .serviceUnavailable(retryAfter: 60, detail: "Data organisasi atau aturan kinerja belum tersedia.")
    }

    /// Always 503.
    public func placement(of employee: UUID, tenant: UUID, on date: CivilDate) throws -> SKPPlacement? { throw problem }

    /// Always 503.
    public func ruleSet(tenant: UUID, on date: CivilDate) throws -> (ruleSet: RuleSet, version: String) { throw problem }
}
