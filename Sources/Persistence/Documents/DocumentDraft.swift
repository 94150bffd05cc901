import Foundation

/// A document about to be issued: what it is and whom it concerns. The bytes come from a
/// template once the verification code is known (see `DocumentStore.issue`).
public struct DocumentDraft: Sendable, Hashable {
    /// What the document is.
    public var kind: DocumentKind
    /// The pegawai yang dinilai.
    public var subjectEmployeeID: UUID
    /// The SKP, evaluation or keberatan it was issued for; a new issue for the same reference
    /// is a new version and supersedes the previous one.
    public var referenceID: UUID
    /// The subject's name as printed (the public sees it masked).
    public var subjectName: String
    /// The period as text, e.g. `1 Januari s.d. 31 Maret 2025`.
    public var periodLabel: String
    /// The version to issue as, when it follows the reference's own version (an evaluation's
    /// version after objection decisions); nil numbers it one above the latest. A version already
    /// issued (or overtaken by a newer one) is not issued again: see `DocumentStore.issue`.
    public var version: Int?

    /// A draft.
    public init(kind: DocumentKind, subjectEmployeeID: UUID, referenceID: UUID, subjectName: String, periodLabel: String,
                version: Int? = nil) {
        self.kind = kind
        self.subjectEmployeeID = subjectEmployeeID
        self.referenceID = referenceID
        self.subjectName = subjectName
        self.periodLabel = periodLabel
        self.version = version
    }
}
