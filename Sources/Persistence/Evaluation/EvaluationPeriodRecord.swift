import Foundation
import Kinerja

/// One row of `evaluation_periods` (migration 0015).
public struct EvaluationPeriodRecord: Sendable, Equatable, Encodable {
    /// The period's id.
    public var id: UUID
    /// Periodic or annual.
    public var kind: EvaluationPeriodKind
    /// The cadence it was opened under.
    public var cadence: RuleSet.Cadence
    /// The year.
    public var year: Int
    /// First day.
    public var startsOn: CivilDate
    /// Last day.
    public var endsOn: CivilDate
    /// The rule set version in force on `endsOn` (`slug@number`).
    public var ruleSetVersion: String
    /// Its model.
    public var model: RuleSet.EvaluationModel
    /// Who opened it.
    public var openedBy: UUID?
    /// When.
    public var openedAt: Date

    /// The rule set version's number (the part after `@`).
    public var ruleSetNumber: Int? { RuleSetVersion.number(inReference: ruleSetVersion) }

    private enum CodingKeys: String, CodingKey {
        case id, kind, cadence, year, startsOn, endsOn, ruleSetVersion, model, openedBy, openedAt
    }

    /// Ids in lower case, dates as `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeLowercased(id, forKey: .id)
        try c.encode(kind, forKey: .kind)
        try c.encode(cadence, forKey: .cadence)
        try c.encode(year, forKey: .year)
        try c.encode(startsOn.description, forKey: .startsOn)
        try c.encode(endsOn.description, forKey: .endsOn)
        try c.encode(ruleSetVersion, forKey: .ruleSetVersion)
        try c.encode(model, forKey: .model)
        try c.encodeLowercased(openedBy, forKey: .openedBy)
        try c.encode(openedAt, forKey: .openedAt)
    }
}
