import Foundation

/// An uploaded bukti dukung of a realisation: its description, never its bytes.
public struct EvidenceFile: Sendable, Equatable, Codable {
    /// The file's id.
    public var id: UUID
    /// The name it was uploaded with.
    public var name: String
    /// Its content type, one of `ExecutionLimits.allowedContentTypes`.
    public var contentType: String
    /// Its size in bytes.
    public var size: Int
    /// The SHA-256 of its bytes, hex.
    public var sha256: String
    /// Who uploaded it.
    public var uploadedBy: UUID
    /// When.
    public var uploadedAt: Date

    /// Creates a description.
    public init(id: UUID, name: String, contentType: String, size: Int, sha256: String, uploadedBy: UUID, uploadedAt: Date) {
        self.id = id
        self.name = name
        self.contentType = contentType
        self.size = size
        self.sha256 = sha256
        self.uploadedBy = uploadedBy
        self.uploadedAt = uploadedAt
    }
}
