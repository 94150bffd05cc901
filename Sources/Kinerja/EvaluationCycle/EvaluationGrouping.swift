import Foundation

/// Which distribution group an employee's evaluation counts in: the rule set's distribution scope
/// (SE MenPANRB 3/2023; the scope is a tenant setting, domain.md), or, in the weighted model that
/// has no distribution, the perangkat daerah, so each agency finalises its own.
public struct EvaluationGrouping: Sendable, Equatable {
    /// The scope.
    public var scope: RuleSet.DistributionScope

    /// The grouping of `ruleSet`.
    public init(ruleSet: RuleSet) {
        scope = ruleSet.evaluation.model == .quadrant ? (ruleSet.evaluation.distribution?.scope ?? .perangkatDaerah)
                                                      : .perangkatDaerah
    }

    /// The group id of an employee placed in `perangkatDaerah` and `unitKerja` of `tenant`; nil when
    /// the employee has no place of that kind.
    public func groupID(tenant: UUID, perangkatDaerah: UUID?, unitKerja: UUID?) -> UUID? {
        switch scope {
        case .perangkatDaerah: perangkatDaerah
        case .unitKerja: unitKerja
        case .instansi: tenant
        }
    }
}
