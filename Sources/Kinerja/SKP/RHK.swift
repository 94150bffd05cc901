import Foundation

/// Rencana Hasil Kerja: a planned result in the SKP (Perbup Tanah Laut 2024 Pasal 8 ayat (1)).
public struct RHK: Sendable, Equatable, Codable {
    /// Utama (main) or tambahan (additional, Perbup Pasuruan 117/2019 Pasal 8).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Main result.
        case utama
        /// Additional result.
        case tambahan
    }

    /// The result's id, stable across revisions so that subordinates can link to it.
    public var id: UUID
    /// Utama or tambahan.
    public var kind: Kind
    /// The planned result in words.
    public var text: String
    /// What this result serves (cascading / intervensi); `nil` links to nothing.
    public var serves: RHKLink?
    /// The success measures with targets.
    public var iki: [IKI]

    /// Creates an RHK.
    public init(id: UUID, kind: Kind, text: String, serves: RHKLink?, iki: [IKI]) {
        self.id = id
        self.kind = kind
        self.text = text
        self.serves = serves
        self.iki = iki
    }
}
