import Foundation
import Persistence

/// What every issued document carries besides its content: the instansi in the header, the
/// verification code in the footer, and the moment of issue (the PDF's creation date).
public struct DocumentIssue: Sendable, Hashable {
    /// The government printed on the left of the period line and in the running header, e.g.
    /// `PEMERINTAH KABUPATEN TANAH LAUT` (documents.md §0).
    public var instansi: String
    /// The code under which the stored document can be verified.
    public var verificationCode: VerificationCode
    /// When the document was issued; injected so output is reproducible.
    public var issuedAt: Date

    /// The issue facts of one document.
    public init(instansi: String, verificationCode: VerificationCode, issuedAt: Date) {
        self.instansi = instansi
        self.verificationCode = verificationCode
        self.issuedAt = issuedAt
    }

    /// The footer of every page: `Kode verifikasi: XXXX-XXXX — periksa keaslian di /v1/verify/XXXX-XXXX`.
    public var footer: String {
        "Kode verifikasi: \(verificationCode) \u{2014} periksa keaslian di /v1/verify/\(verificationCode)"
    }
}
