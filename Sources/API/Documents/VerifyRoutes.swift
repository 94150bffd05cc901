import Foundation
import HTTP
import Persistence
import Runtime

/// The public verification of issued documents (issue 6 item 2): anyone holding a printed code
/// learns what the document is and whether it is the current version, and can check that a copy
/// is exactly the registered file. No sign-in and no tenant: `DocumentStore.verify` answers
/// through the database's `verify_document` (migration 0008).
struct VerifyRoutes {
    let documents: DocumentStore

    /// The largest PDF accepted for comparison, the same bound as issued documents.
    static let uploadLimit = DocumentStore.maxBytes

    func register(on router: Router) {
        router.get("/v1/verify/:code") { request in try show(request) }
        router.post("/v1/verify/:code", bodyLimit: Self.uploadLimit) { request in try compare(request) }
    }

    /// `GET /v1/verify/{code}`: what the document is, its SHA-256, and whether it is current.
    func show(_ request: Request) throws -> Response {
        try Response.json(DocumentVerificationSummary(try lookup(request)))
    }

    /// `POST /v1/verify/{code}` with the PDF as the body: whether it is byte for byte the
    /// registered document (their SHA-256 match).
    func compare(_ request: Request) throws -> Response {
        let verification = try lookup(request)
        guard !request.body.isEmpty else {
            throw Problem.badRequest("Kirim berkas PDF dokumen sebagai isi permintaan untuk dibandingkan.")
        }
        return try Response.json(DocumentComparison(verification, uploadedSHA256: Runtime.SHA256.hex(request.body)))
    }

    /// The registered document for the path's code; 400 for a malformed code (checked before the
    /// database is asked), 404 for one nobody issued.
    private func lookup(_ request: Request) throws -> DocumentVerification {
        let raw = request.parameter("code") ?? ""
        guard let code = VerificationCode(raw) else {
            throw Problem.badRequest(
                "Kode verifikasi terdiri atas 8 karakter, misalnya ABCD-EF23 (tanpa angka 0 dan 1, huruf O dan I).",
                errors: [Problem.FieldError(pointer: "/code", code: "invalid-verification-code",
                                            message: "Format kode verifikasi tidak valid.")])
        }
        guard let verification = try documents.verify(code) else {
            throw Problem.notFound("Tidak ada dokumen terdaftar dengan kode verifikasi \(code).")
        }
        return verification
    }
}

/// The public answer about one code.
struct DocumentVerificationSummary: Encodable {
    let code: String
    let kind: String
    let document: String
    let tenant: String
    let subject: String
    let period: String
    let version: Int
    let isCurrent: Bool
    let issuedAt: Date
    let sha256: String
    let message: String

    init(_ verification: DocumentVerification) {
        code = verification.code.text
        kind = verification.kind.rawValue
        document = verification.kind.label
        tenant = verification.tenantName
        subject = verification.maskedSubjectName
        period = verification.periodLabel
        version = verification.version
        isCurrent = !verification.isSuperseded
        issuedAt = verification.createdAt
        sha256 = verification.sha256
        message = isCurrent
            ? "Dokumen ini terdaftar dan merupakan versi yang berlaku."
            : "Dokumen ini terdaftar, tetapi telah digantikan oleh versi yang lebih baru."
    }
}

/// The answer to an uploaded copy.
struct DocumentComparison: Encodable {
    let code: String
    let matches: Bool
    let isCurrent: Bool
    let sha256: String
    let uploadedSha256: String
    let message: String

    init(_ verification: DocumentVerification, uploadedSHA256: String) {
        code = verification.code.text
        matches = uploadedSHA256 == verification.sha256
        isCurrent = !verification.isSuperseded
        sha256 = verification.sha256
        uploadedSha256 = uploadedSHA256
        message = matches
            ? "Berkas sama persis dengan dokumen yang terdaftar."
            : "Berkas TIDAK sama dengan dokumen yang terdaftar: isinya telah berubah atau bukan dokumen ini."
    }
}
