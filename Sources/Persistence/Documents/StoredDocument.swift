import Foundation

/// An issued document's record, without its bytes.
public struct StoredDocument: Sendable, Hashable {
    /// The document's id.
    public var id: UUID
    /// Its tenant.
    public var tenantID: UUID
    /// What it is.
    public var kind: DocumentKind
    /// The pegawai yang dinilai.
    public var subjectEmployeeID: UUID
    /// The SKP, evaluation or keberatan it was issued for.
    public var referenceID: UUID
    /// 1 for the first issue, then counting up.
    public var version: Int
    /// SHA-256 of the bytes, 64 lowercase hex digits.
    public var sha256: String
    /// The code printed on it.
    public var verificationCode: VerificationCode
    /// When it was issued.
    public var createdAt: Date
    /// When a newer version replaced it; nil while it is current.
    public var supersededAt: Date?
    /// The version that replaced it.
    public var supersededBy: UUID?

    /// Creates a record.
    public init(id: UUID, tenantID: UUID, kind: DocumentKind, subjectEmployeeID: UUID, referenceID: UUID, version: Int,
                sha256: String, verificationCode: VerificationCode, createdAt: Date, supersededAt: Date?, supersededBy: UUID?) {
        self.id = id
        self.tenantID = tenantID
        self.kind = kind
        self.subjectEmployeeID = subjectEmployeeID
        self.referenceID = referenceID
        self.version = version
        self.sha256 = sha256
        self.verificationCode = verificationCode
        self.createdAt = createdAt
        self.supersededAt = supersededAt
        self.supersededBy = supersededBy
    }

    /// Whether this is the current version.
    public var isCurrent: Bool { supersededAt == nil }
}
