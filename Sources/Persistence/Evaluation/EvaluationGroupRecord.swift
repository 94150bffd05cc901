import Foundation
import Kinerja

/// One row of `evaluation_groups` (migration 0015) with its head counts.
public struct EvaluationGroupRecord: Sendable, Equatable, Encodable {
    /// The period.
    public var periodID: UUID
    /// The distribution scope.
    public var scope: RuleSet.DistributionScope
    /// The perangkat daerah, unit kerja or tenant id.
    public var scopeID: UUID
    /// The perangkat daerah's or unit kerja's name (nil for the instansi).
    public var name: String?
    /// The organisation's achievement, once set.
    public var capaian: CapaianKinerjaOrganisasi?
    /// Who set it.
    public var capaianSetBy: UUID?
    /// When.
    public var capaianSetAt: Date?
    /// Who finalised the group.
    public var finalisedBy: UUID?
    /// When.
    public var finalisedAt: Date?
    /// The distribution check as stored at finalisation.
    public var distribution: DistributionCheck.Result?
    /// Evaluations by status (`excluded`, `pending`, …).
    public var statusCounts: [String: Int]

    private enum CodingKeys: String, CodingKey {
        case periodID = "periodId", scope, scopeID = "scopeId", name, capaian, capaianSetBy, capaianSetAt, finalisedBy,
             finalisedAt, distribution, statusCounts
    }

    /// Ids in lower case.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeLowercased(periodID, forKey: .periodID)
        try c.encode(scope, forKey: .scope)
        try c.encodeLowercased(scopeID, forKey: .scopeID)
        try c.encodeIfPresent(name, forKey: .name)
        try c.encodeIfPresent(capaian, forKey: .capaian)
        try c.encodeLowercased(capaianSetBy, forKey: .capaianSetBy)
        try c.encodeIfPresent(capaianSetAt, forKey: .capaianSetAt)
        try c.encodeLowercased(finalisedBy, forKey: .finalisedBy)
        try c.encodeIfPresent(finalisedAt, forKey: .finalisedAt)
        try c.encodeIfPresent(distribution, forKey: .distribution)
        try c.encode(statusCounts, forKey: .statusCounts)
    }
}
