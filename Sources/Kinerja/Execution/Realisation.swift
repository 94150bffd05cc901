import Foundation

/// The documented realisation of one IKI of an approved SKP for one documentation period, with its
/// evidence (Perbup Tanah Laut 2024 Pasal 14 ayat (2)–(4): the period follows the tenant's
/// periodic-evaluation cadence). Correctable until `lockedAt`, set when the period's evaluation is final.
public struct Realisation: Sendable, Equatable, Codable {
    /// The realisation's id.
    public var id: UUID
    /// The SKP.
    public var skpID: UUID
    /// The approved revision whose IKI it realises.
    public var revision: Int
    /// The RHK.
    public var rhkID: UUID
    /// The IKI's position within the RHK (0-based) in that revision.
    public var ikiPosition: Int
    /// The documentation period.
    public var period: EvaluationPeriod
    /// What was realised.
    public var entry: RealisationEntry
    /// The uploaded files.
    public var files: [EvidenceFile]
    /// Who documented it (the employee).
    public var createdBy: UUID
    /// When it was first documented.
    public var createdAt: Date
    /// When it was last corrected.
    public var updatedAt: Date
    /// When it was frozen by the final evaluation of its period; nil while correctable.
    public var lockedAt: Date?

    /// Creates a realisation.
    public init(id: UUID, skpID: UUID, revision: Int, rhkID: UUID, ikiPosition: Int, period: EvaluationPeriod,
                entry: RealisationEntry, files: [EvidenceFile] = [], createdBy: UUID, createdAt: Date, updatedAt: Date,
                lockedAt: Date? = nil) {
        self.id = id
        self.skpID = skpID
        self.revision = revision
        self.rhkID = rhkID
        self.ikiPosition = ikiPosition
        self.period = period
        self.entry = entry
        self.files = files
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.lockedAt = lockedAt
    }
}
