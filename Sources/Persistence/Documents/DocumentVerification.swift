import Foundation

/// What anyone holding a verification code may learn about the document (migration 0008,
/// `verify_document`): enough to recognise it, nothing more.
public struct DocumentVerification: Sendable, Hashable {
    /// The code asked about.
    public var code: VerificationCode
    /// The issuing regency, e.g. `Kabupaten Tanah Laut`.
    public var tenantName: String
    /// What the document is.
    public var kind: DocumentKind
    /// The subject's name, masked (`B*** S******`).
    public var maskedSubjectName: String
    /// The period, e.g. `1 Januari s.d. 31 Maret 2025`.
    public var periodLabel: String
    /// SHA-256 of the registered bytes, 64 lowercase hex digits.
    public var sha256: String
    /// The version number.
    public var version: Int
    /// When it was issued.
    public var createdAt: Date
    /// Whether a newer version replaced it.
    public var isSuperseded: Bool

    /// Creates an answer.
    public init(code: VerificationCode, tenantName: String, kind: DocumentKind, maskedSubjectName: String,
                periodLabel: String, sha256: String, version: Int, createdAt: Date, isSuperseded: Bool) {
        self.code = code
        self.tenantName = tenantName
        self.kind = kind
        self.maskedSubjectName = maskedSubjectName
        self.periodLabel = periodLabel
        self.sha256 = sha256
        self.version = version
        self.createdAt = createdAt
        self.isSuperseded = isSuperseded
    }
}
