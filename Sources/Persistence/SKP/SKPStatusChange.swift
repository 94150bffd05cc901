import Foundation
import Kinerja

/// One step in an SKP's status history: who did what, when, with which notes.
public struct SKPStatusChange: Sendable, Equatable, Encodable {
    /// Order within the SKP, from 1.
    public var seq: Int
    /// The revision the step belongs to.
    public var revision: Int
    /// `create`, `submit`, `review`, `return`, `approve`, `escalate`, `decide` or `revise`.
    public var action: String
    /// The status before; `nil` for a creation.
    public var from: SKPStatus?
    /// The status after.
    public var to: SKPStatus
    /// Who took the step.
    public var actorID: UUID
    /// In what part.
    public var actorRole: SKPActor
    /// Notes (return, decision).
    public var notes: String?
    /// When.
    public var at: Date

    private enum CodingKeys: String, CodingKey { case seq, revision, action, from, to, actorID, actorRole, notes, at }

    /// Encodes with ids in lower case, as the API writes ids.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(seq, forKey: .seq)
        try container.encode(revision, forKey: .revision)
        try container.encode(action, forKey: .action)
        try container.encodeIfPresent(from, forKey: .from)
        try container.encode(to, forKey: .to)
        try container.encodeLowercased(actorID, forKey: .actorID)
        try container.encode(actorRole, forKey: .actorRole)
        try container.encodeIfPresent(notes, forKey: .notes)
        try container.encode(at, forKey: .at)
    }
}
