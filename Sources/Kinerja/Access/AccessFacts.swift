import Foundation

/// What the persistence layer found out about the target of an action, so `AccessPolicy` can
/// decide without I/O. Relations are computed for one date (who evaluates whom changes).
public struct AccessFacts: Sendable, Equatable {
    /// The tenant the target belongs to; nil for platform-level actions (e.g. list tenants).
    public var targetTenantID: UUID?
    /// The employee the action is about, if any.
    public var targetEmployeeID: UUID?
    /// The perangkat daerah of the target employee on the date.
    public var targetPerangkatDaerahID: UUID?
    /// The principal is the target's evaluator on the date (resolved from the hierarchy).
    public var isEvaluatorOfTarget: Bool
    /// The principal is the superior of the target's evaluator on the date.
    public var isEvaluatorsSuperiorOfTarget: Bool

    public init(targetTenantID: UUID? = nil, targetEmployeeID: UUID? = nil, targetPerangkatDaerahID: UUID? = nil,
                isEvaluatorOfTarget: Bool = false, isEvaluatorsSuperiorOfTarget: Bool = false) {
        self.targetTenantID = targetTenantID
        self.targetEmployeeID = targetEmployeeID
        self.targetPerangkatDaerahID = targetPerangkatDaerahID
        self.isEvaluatorOfTarget = isEvaluatorOfTarget
        self.isEvaluatorsSuperiorOfTarget = isEvaluatorsSuperiorOfTarget
    }

    /// Facts for an action on the tenant as a whole (users, organisation, import, audit log).
    public static func tenant(_ id: UUID) -> AccessFacts { AccessFacts(targetTenantID: id) }

    /// Facts for a platform-level action (tenants, rule sets of any tenant).
    public static let platform = AccessFacts()
}
