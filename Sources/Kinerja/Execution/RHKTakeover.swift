import Foundation

/// An RHK the leader took over because the employee, after follow-up, still showed no progress;
/// the note says the employee could not complete it and counts in the evaluation (Perbup Tanah
/// Laut 2024 Pasal 19 ayat (6)–(8)).
public struct RHKTakeover: Sendable, Equatable, Codable {
    /// The SKP.
    public var skpID: UUID
    /// The RHK taken over.
    public var rhkID: UUID
    /// The approved revision it was taken from.
    public var revision: Int
    /// The evaluator who took it over.
    public var takenBy: UUID
    /// The note (Pasal 19 ayat (7)).
    public var note: String
    /// When.
    public var takenAt: Date

    /// Creates a takeover.
    public init(skpID: UUID, rhkID: UUID, revision: Int, takenBy: UUID, note: String, takenAt: Date) {
        self.skpID = skpID
        self.rhkID = rhkID
        self.revision = revision
        self.takenBy = takenBy
        self.note = note
        self.takenAt = takenAt
    }
}
