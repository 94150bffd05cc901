import Foundation
import Kinerja

/// Whose SKP of a year is missing or late against the rule set's deadline, and who was not
/// counted because the rule set's coverage exempts them (issue 5 item 6).
public struct SKPMissingReport: Sendable, Equatable, Encodable {
    /// Why an employee is listed.
    public enum Finding: String, Sendable, Codable {
        /// No SKP at all for the year.
        case missing
        /// An SKP exists but none of its revisions has been approved, and the deadline has passed.
        case notApproved = "not-approved"
        /// Approved, but after the deadline.
        case approvedLate = "approved-late"
    }

    /// One listed employee.
    public struct Entry: Sendable, Equatable, Encodable {
        /// The employee.
        public var employeeID: UUID
        /// Name.
        public var name: String
        /// NIP.
        public var nip: String
        /// The perangkat daerah of the employee's post on the report date, if any.
        public var perangkatDaerahID: UUID?
        /// The finding.
        public var finding: Finding

        private enum CodingKeys: String, CodingKey { case employeeID, name, nip, perangkatDaerahID, finding }

        /// Encodes with ids in lower case, as the API writes ids.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeLowercased(employeeID, forKey: .employeeID)
            try container.encode(name, forKey: .name)
            try container.encode(nip, forKey: .nip)
            try container.encodeLowercased(perangkatDaerahID, forKey: .perangkatDaerahID)
            try container.encode(finding, forKey: .finding)
        }
    }

    /// Employees not counted, grouped by reason.
    public struct Exclusion: Sendable, Equatable, Encodable {
        /// The coverage reason code (`exempt-status`, `type-not-covered`, …).
        public var code: String
        /// The article behind it.
        public var basis: String?
        /// How many employees.
        public var count: Int
        /// One example message in Bahasa Indonesia.
        public var example: String
    }

    /// The year.
    public var year: Int
    /// The deadline and its article.
    public var deadline: CivilDate
    /// The deadline's legal basis.
    public var deadlineBasis: String
    /// Employees obliged (counted).
    public var obliged: Int
    /// Obliged with an SKP approved by the deadline.
    public var onTime: Int
    /// The listed employees, by name.
    public var entries: [Entry]
    /// Employees not counted, with the reasons.
    public var excluded: Int
    /// The reasons, by code.
    public var exclusions: [Exclusion]
}
