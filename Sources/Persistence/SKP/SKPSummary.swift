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
}
