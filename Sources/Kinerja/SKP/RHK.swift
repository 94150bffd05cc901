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

    private enum CodingKeys: String, CodingKey { case id, kind, text, serves, iki }

    /// Encodes with the id in lower case, as the API writes ids.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id.uuidString.lowercased(), forKey: .id)
        try container.encode(kind, forKey: .kind)
        try container.encode(text, forKey: .text)
        try container.encodeIfPresent(serves, forKey: .serves)
        try container.encode(iki, forKey: .iki)
    }
}
