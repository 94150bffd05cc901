import Foundation
import Kinerja

/// One row of `evaluations` (migration 0015): an employee's evaluation of a period, with the
/// employee's name and NIP for lists.
public struct EvaluationRecord: Sendable, Equatable, Encodable {
    /// The evaluation's id.
    public var id: UUID
    /// The period.
    public var periodID: UUID
    /// The employee.
    public var employeeID: UUID
    /// The employee's name.
    public var employeeName: String
    /// The employee's NIP.
    public var nip: String
    /// The approved SKP the period is judged against, if any.
    public var skpID: UUID?
    /// The pejabat penilai at opening.
    public var evaluatorID: UUID?
    /// The atasan pejabat penilai at opening (decides objections).
    public var evaluatorSuperiorID: UUID?
    /// Where the employee sat.
    public var perangkatDaerahID: UUID?
    /// The unit kerja.
    public var unitKerjaID: UUID?
    /// The distribution group.
    public var groupID: UUID
    /// The status.
    public var status: EvaluationStatus
    /// Why the employee is excluded (status `excluded`).
    public var excludedReasons: [CoverageDecision.Reason]?
    /// When the employee submitted the period's results.
    public var resultsSubmittedAt: Date?
    /// The evaluator's deadline, when the rule set has an assessment window.
    public var assessmentDueAt: Date?
    /// Quadrant: results rating.
    public var hasilKerja: Rating?
    /// Quadrant: behaviour rating.
    public var perilakuKerja: Rating?
    /// The employee leads the unit.
    public var leadsUnit: Bool
    /// Weighted: the input as entered.
    public var scores: WeightedModelInput?
    /// Weighted: nilai prestasi kerja.
    public var nilai: Decimal?
    /// Predikat (quadrant) or category (weighted).
    public var predikat: String?
    /// The rules engine's explanation as stored.
    public var explanation: Explanation?
    /// The evaluator's notes.
    public var notes: String?
    /// The evaluator's recommendation.
    public var recommendation: String?
    /// Who rated.
    public var ratedBy: UUID?
    /// When.
    public var ratedAt: Date?
    /// When it became final.
    public var finalisedAt: Date?
    /// When the employee received the document.
    public var receivedAt: Date?
    /// 1 when finalised; each objection decision that changes it adds one.
    public var version: Int

    private enum CodingKeys: String, CodingKey {
        case id, periodID = "periodId", employeeID = "employeeId", employeeName, nip, skpID = "skpId",
             evaluatorID = "evaluatorId", evaluatorSuperiorID = "evaluatorSuperiorId", perangkatDaerahID = "perangkatDaerahId",
             unitKerjaID = "unitKerjaId", groupID = "groupId", status, excludedReasons, resultsSubmittedAt, assessmentDueAt,
             hasilKerja, perilakuKerja, leadsUnit, scores, nilai, predikat, explanation, notes, recommendation,
             ratedBy, ratedAt, finalisedAt, receivedAt, version
    }

    /// Ids in lower case; absent values left out.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeLowercased(id, forKey: .id)
        try c.encodeLowercased(periodID, forKey: .periodID)
        try c.encodeLowercased(employeeID, forKey: .employeeID)
        try c.encode(employeeName, forKey: .employeeName)
        try c.encode(nip, forKey: .nip)
        try c.encodeLowercased(skpID, forKey: .skpID)
        try c.encodeLowercased(evaluatorID, forKey: .evaluatorID)
        try c.encodeLowercased(evaluatorSuperiorID, forKey: .evaluatorSuperiorID)
        try c.encodeLowercased(perangkatDaerahID, forKey: .perangkatDaerahID)
        try c.encodeLowercased(unitKerjaID, forKey: .unitKerjaID)
        try c.encodeLowercased(groupID, forKey: .groupID)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(excludedReasons, forKey: .excludedReasons)
        try c.encodeIfPresent(resultsSubmittedAt, forKey: .resultsSubmittedAt)
        try c.encodeIfPresent(assessmentDueAt, forKey: .assessmentDueAt)
        try c.encodeIfPresent(hasilKerja, forKey: .hasilKerja)
        try c.encodeIfPresent(perilakuKerja, forKey: .perilakuKerja)
        try c.encode(leadsUnit, forKey: .leadsUnit)
        try c.encodeIfPresent(scores, forKey: .scores)
        try c.encodeIfPresent(nilai, forKey: .nilai)
        try c.encodeIfPresent(predikat, forKey: .predikat)
        try c.encodeIfPresent(explanation, forKey: .explanation)
        try c.encodeIfPresent(notes, forKey: .notes)
        try c.encodeIfPresent(recommendation, forKey: .recommendation)
        try c.encodeLowercased(ratedBy, forKey: .ratedBy)
        try c.encodeIfPresent(ratedAt, forKey: .ratedAt)
        try c.encodeIfPresent(finalisedAt, forKey: .finalisedAt)
        try c.encodeIfPresent(receivedAt, forKey: .receivedAt)
        try c.encode(version, forKey: .version)
    }
}
