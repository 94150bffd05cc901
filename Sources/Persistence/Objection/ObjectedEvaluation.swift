import Foundation
import Kinerja

/// The part of an evaluation (migration 0015) an objection concerns: its parties, its state, its
/// result and the dates the filing window counts from.
public struct ObjectedEvaluation: Sendable, Equatable {
    /// The evaluation.
    public var id: UUID
    /// The evaluated employee, who may object.
    public var employeeID: UUID
    /// The pejabat penilai, whose explanation the hearing records.
    public var evaluatorID: UUID?
    /// The atasan pejabat penilai, who decides (snapshot taken when the period opened).
    public var deciderID: UUID?
    /// `pending`, `submitted`, `rated`, `final` or `excluded`.
    public var status: String
    /// `quadrant` or `weighted` (the period's).
    public var model: String
    /// The rule set version the period is judged under, `tenant@number`.
    public var ruleSetVersion: String
    /// The result as it stands (predikat empty before rating).
    public var result: ObjectionResult
    /// The evaluator's recommendation.
    public var recommendation: String?
    /// When the evaluation became final.
    public var finalisedAt: Date?
    /// When the employee recorded receiving the evaluation document.
    public var receivedAt: Date?
    /// 1 when final; +1 per changing objection decision.
    public var version: Int
    /// The tenant's IANA time zone (`tenants.time_zone`): deadlines end at 23:59 there.
    public var timeZone: String

    /// `timeZone` resolved.
    public var zone: TimeZone { RuleSet.resolveTimeZone(timeZone) }

    /// The instant the filing window counts from: the recorded receipt, else the finalisation
    /// (`ObjectionWindows` says why); nil while the evaluation is not final.
    public var windowStart: Date? { receivedAt ?? finalisedAt }

    /// The rule set version number of `ruleSetVersion` (`tenant@number`).
    public var ruleSetNumber: Int? { RuleSetVersion.number(inReference: ruleSetVersion) }
}
