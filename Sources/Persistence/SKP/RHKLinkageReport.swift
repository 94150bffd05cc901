import Foundation

/// The cascade of results in a year's current plans: superior RHK no subordinate serves, and
/// subordinate RHK that serve nothing (or an RHK that no current plan has).
public struct RHKLinkageReport: Sendable, Equatable, Encodable {
    /// One RHK in the report.
    public struct Entry: Sendable, Equatable, Encodable {
        /// The SKP.
        public var skpID: UUID
        /// Its employee.
        public var employeeID: UUID
        /// The RHK.
        public var rhkID: UUID
        /// Its text.
        public var text: String
        /// `no-subordinate`, `unlinked` or `dangling` (points at an RHK no current plan has).
        public var reason: String
    }

    /// The year.
    public var year: Int
    /// Superior RHK (of employees who evaluate others) that no subordinate RHK serves.
    public var withoutSubordinates: [Entry]
    /// Subordinate RHK linked to nothing, or to an RHK that does not exist.
    public var unlinked: [Entry]
}
