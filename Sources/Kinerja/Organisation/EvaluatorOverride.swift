import Foundation

/// An admin's decision that `evaluatorID` evaluates `employeeID` over a period, whatever the
/// hierarchy says. It is also how an evaluation is delegated to an official below Pengawas
/// (domain.md, "Who evaluates whom": tenant admins may override the mapping per employee; Demak's
/// desk evaluation exists because mappings were wrong).
public struct EvaluatorOverride: Sendable, Hashable, Codable {
    /// The override's id.
    public var id: UUID
    /// The employee evaluated.
    public var employeeID: UUID
    /// The pejabat penilai set by the admin.
    public var evaluatorID: UUID
    /// When it applies.
    public var period: DateRange
    /// Why (kept for the record).
    public var reason: String

    /// Creates an override.
    public init(id: UUID, employeeID: UUID, evaluatorID: UUID, period: DateRange, reason: String) {
        self.id = id
        self.employeeID = employeeID
        self.evaluatorID = evaluatorID
        self.period = period
        self.reason = reason
    }
}
