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

        private enum CodingKeys: String, CodingKey { case skpID, employeeID, rhkID, text, reason }

        /// Encodes with ids in lower case, as the API writes ids.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeLowercased(skpID, forKey: .skpID)
            try container.encodeLowercased(employeeID, forKey: .employeeID)
            try container.encodeLowercased(rhkID, forKey: .rhkID)
            try container.encode(text, forKey: .text)
            try container.encode(reason, forKey: .reason)
        }
    }

    /// The year.
    public var year: Int
    /// Superior RHK (of employees who evaluate others) that no subordinate RHK serves.
    public var withoutSubordinates: [Entry]
    /// Subordinate RHK linked to nothing, or to an RHK that does not exist.
    public var unlinked: [Entry]
}
