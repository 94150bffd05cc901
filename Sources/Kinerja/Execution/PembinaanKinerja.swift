import Foundation

/// A record of performance coaching by the leader when an employee shows no progress (Perbup Tanah
/// Laut 2024 Pasal 19 ayat (3) huruf c; Pasal 20: bimbingan kinerja and/or konseling kinerja).
public struct PembinaanKinerja: Sendable, Equatable, Codable {
    /// The kind of coaching (Pasal 20).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Bimbingan kinerja: guidance on the work.
        case bimbingan
        /// Konseling kinerja: counselling.
        case konseling
    }

    /// The record's id.
    public var id: UUID
    /// The SKP.
    public var skpID: UUID
    /// The employee coached.
    public var employeeID: UUID
    /// The evaluator who coached.
    public var evaluatorID: UUID
    /// Bimbingan or konseling.
    public var kind: Kind
    /// The day it took place.
    public var heldOn: CivilDate
    /// What was discussed and agreed.
    public var notes: String
    /// When it was recorded.
    public var recordedAt: Date

    /// Creates a record.
    public init(id: UUID, skpID: UUID, employeeID: UUID, evaluatorID: UUID, kind: Kind, heldOn: CivilDate, notes: String,
                recordedAt: Date) {
        self.id = id
        self.skpID = skpID
        self.employeeID = employeeID
        self.evaluatorID = evaluatorID
        self.kind = kind
        self.heldOn = heldOn
        self.notes = notes
        self.recordedAt = recordedAt
    }
}
