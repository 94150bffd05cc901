import Foundation

/// Who evaluates (or stands above the evaluator) on a date, and on what ground.
public struct PejabatPenilai: Sendable, Hashable, Codable {
    /// On what ground the official evaluates.
    public enum Basis: Sendable, Hashable, Codable {
        /// Holder of a superior post in the hierarchy, definitively or as Plt/Plh.
        case hierarchy(jabatanID: UUID, holding: AssignmentKind)
        /// Set by an admin's override (also the way to delegate).
        case override(overrideID: UUID)
    }

    /// The official's employee id.
    public var employeeID: UUID
    /// The ground.
    public var basis: Basis

    /// Creates a value.
    public init(employeeID: UUID, basis: Basis) {
        self.employeeID = employeeID
        self.basis = basis
    }

    /// The post through which the official acts, when it comes from the hierarchy.
    public var jabatanID: UUID? {
        if case .hierarchy(let id, _) = basis { return id }
        return nil
    }
}
