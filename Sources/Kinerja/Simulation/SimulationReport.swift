import Foundation

/// What a draft rule set would change in a period's evaluations (issue 4 item 5): counts first,
/// then the list. Nothing is written.
public struct SimulationReport: Sendable, Equatable, Encodable {
    /// One evaluation whose outcome would differ.
    public struct Change: Sendable, Equatable, Encodable {
        public enum Kind: String, Sendable, Encodable {
            /// Obliged now and exempt under the draft, or the other way round.
            case coverage
            /// Another predikat (or weighted category).
            case result
            /// The draft cannot compute a result from what was entered (e.g. another model): re-rating needed.
            case notComputable = "not-computable"
        }

        public var evaluationID: UUID
        public var employeeID: UUID
        public var employeeName: String
        public var kind: Kind
        public var before: String?
        public var after: String?
        /// Why, in Bahasa Indonesia, with the article where one applies.
        public var reason: String

        private enum CodingKeys: String, CodingKey {
            case evaluationId, employeeId, employeeName, kind, before, after, reason
        }

        /// Ids as the API writes them everywhere: `…Id`, lowercase.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(evaluationID.uuidString.lowercased(), forKey: .evaluationId)
            try container.encode(employeeID.uuidString.lowercased(), forKey: .employeeId)
            try container.encode(employeeName, forKey: .employeeName)
            try container.encode(kind, forKey: .kind)
            try container.encodeIfPresent(before, forKey: .before)
            try container.encodeIfPresent(after, forKey: .after)
            try container.encode(reason, forKey: .reason)
        }
    }

    /// One distribution group's check before and after.
    public struct Group: Sendable, Equatable, Encodable {
        public var groupID: UUID
        public var capaian: CapaianKinerjaOrganisasi
        public var before: DistributionCheck.Result?
        public var after: DistributionCheck.Result
        /// Whether finalising would be decided differently: blocked before and not after, or the reverse.
        public var outcomeChanged: Bool

        private enum CodingKeys: String, CodingKey {
            case groupId, capaian, before, after, outcomeChanged
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(groupID.uuidString.lowercased(), forKey: .groupId)
            try container.encode(capaian, forKey: .capaian)
            try container.encodeIfPresent(before, forKey: .before)
            try container.encode(after, forKey: .after)
            try container.encode(outcomeChanged, forKey: .outcomeChanged)
        }
    }

    public var evaluations: Int
    public var resultsChanged: Int
    public var coverageChanged: Int
    public var notComputable: Int
    public var groupsWithOutcomeChanged: Int
    public var changes: [Change]
    /// Changes counted but left out of `changes` by the list limit.
    public var changesOmitted: Int
    public var groups: [Group]
    /// Things the simulation could not weigh, said plainly (e.g. a changed distribution scope).
    public var notes: [String]
}
