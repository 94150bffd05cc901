import Foundation
import Kinerja

/// Where an employee stands in the organisation on a date, as the SKP needs it: the evaluator and
/// the evaluator's superior (from `PejabatPenilaiResolver`), the perangkat daerah, and when the
/// current assignment began (a move during the year starts a new SKP that month).
public struct SKPPlacement: Sendable, Equatable {
    /// The pejabat penilai kinerja.
    public var evaluatorID: UUID?
    /// The atasan pejabat penilai.
    public var evaluatorSuperiorID: UUID?
    /// The perangkat daerah of the employee's post.
    public var perangkatDaerahID: UUID?
    /// The first day of the employee's current assignment.
    public var assignmentStart: CivilDate?

    /// Creates a placement.
    public init(evaluatorID: UUID?, evaluatorSuperiorID: UUID?, perangkatDaerahID: UUID?, assignmentStart: CivilDate?) {
        self.evaluatorID = evaluatorID
        self.evaluatorSuperiorID = evaluatorSuperiorID
        self.perangkatDaerahID = perangkatDaerahID
        self.assignmentStart = assignmentStart
    }
}

/// The organisation as the SKP routes see it. The organisation module's store implements it
/// (`evaluator(of:on:)`) once it is in main.
public protocol SKPOrganisation: Sendable {
    /// The placement of `employee` in `tenant` on `date`; nil when the employee is unknown there.
    func placement(of employee: UUID, tenant: UUID, on date: CivilDate) throws -> SKPPlacement?
}

/// The tenant's rule set in force, as the SKP routes need it.
public protocol SKPRuleSource: Sendable {
    /// The rule set in force for `tenant` on `date`, and the version to record on a plan.
    func ruleSet(tenant: UUID, on date: CivilDate) throws -> (ruleSet: RuleSet, version: String)
}
