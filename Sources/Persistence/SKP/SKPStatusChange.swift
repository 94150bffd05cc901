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
}
