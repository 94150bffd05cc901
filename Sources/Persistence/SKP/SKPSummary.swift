import Foundation
import Kinerja

/// One line of an SKP list (an evaluator's queue): enough to pick the plan to open.
public struct SKPSummary: Sendable, Equatable, Encodable {
    /// The SKP.
    public var id: UUID
    /// Whose plan.
    public var employeeID: UUID
    /// The employee's name.
    public var employeeName: String
    /// The employee's NIP.
    public var nip: String
    /// The year.
    public var year: Int
    /// The first month.
    public var startMonth: Int
    /// The current revision.
    public var revision: Int
    /// Its status.
    public var status: SKPStatus
    /// Last change.
    public var updatedAt: Date

    private enum CodingKeys: String, CodingKey { case id, employeeID, employeeName, nip, year, startMonth, revision, status, updatedAt }

    /// Encodes with ids in lower case, as the API writes ids.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeLowercased(id, forKey: .id)
        try container.encodeLowercased(employeeID, forKey: .employeeID)
        try container.encode(employeeName, forKey: .employeeName)
        try container.encode(nip, forKey: .nip)
        try container.encode(year, forKey: .year)
        try container.encode(startMonth, forKey: .startMonth)
        try container.encode(revision, forKey: .revision)
        try container.encode(status, forKey: .status)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}
