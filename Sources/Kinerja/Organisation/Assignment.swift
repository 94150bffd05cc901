import Foundation

/// An employee holding a jabatan over a date range (definitive, Plt or Plh). Ranges are never
/// rewritten, only closed, so past assignments stay on record.
public struct Assignment: Sendable, Hashable, Codable {
    /// The assignment's id.
    public var id: UUID
    /// Who holds the post.
    public var employeeID: UUID
    /// The post.
    public var jabatanID: UUID
    /// Definitive or acting.
    public var kind: AssignmentKind
    /// When.
    public var period: DateRange

    /// Creates an assignment.
    public init(id: UUID, employeeID: UUID, jabatanID: UUID, kind: AssignmentKind, period: DateRange) {
        self.id = id
        self.employeeID = employeeID
        self.jabatanID = jabatanID
        self.kind = kind
        self.period = period
    }
}
