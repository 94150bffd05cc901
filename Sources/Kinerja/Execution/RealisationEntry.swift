import Foundation

/// What the employee documents for one IKI in one period: a number and/or words, with links as
/// bukti dukung (Perbup Tanah Laut 2024 Pasal 14 ayat (2)). Files are uploaded separately.
public struct RealisationEntry: Sendable, Equatable, Codable {
    /// The realised number (quantitative IKI).
    public var value: Decimal?
    /// The realisation in words.
    public var text: String?
    /// Evidence links, https only.
    public var links: [String]

    /// Creates an entry.
    public init(value: Decimal? = nil, text: String? = nil, links: [String] = []) {
        self.value = value
        self.text = text
        self.links = links
    }
}
