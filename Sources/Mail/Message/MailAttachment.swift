/// A file attached to a message, e.g. an evaluation document as `application/pdf`.
public struct MailAttachment: Sendable, Equatable {
    /// The file name the recipient sees; any Unicode (sent with RFC 2231 encoding when needed).
    public let filename: String
    /// A `type/subtype` media type, lowercased, e.g. `application/pdf`.
    public let contentType: String
    /// The file's bytes, sent base64-encoded.
    public let data: [UInt8]

    /// Most file systems cap a name at 255 bytes.
    public static let maxFilenameLength = 255

    /// Validates the file name and content type.
    public init(filename: String, contentType: String, data: [UInt8]) throws(MailMessageError) {
        try MailMessageError.checkNoControls(filename, field: "attachment filename")
        guard !filename.isEmpty else { throw .empty(field: "attachment filename") }
        guard filename.utf8.count <= MailAttachment.maxFilenameLength else {
            throw .tooLong(field: "attachment filename", limit: MailAttachment.maxFilenameLength)
        }
        self.filename = filename
        self.contentType = try MailAttachment.checkedContentType(contentType, field: "attachment content type")
        self.data = data
    }

    /// RFC 2045 §5.1: `type "/" subtype`, each a token (printable ASCII without tspecials).
    static func checkedContentType(_ value: String, field: String) throws(MailMessageError) -> String {
        try MailMessageError.checkNoControls(value, field: field)
        let tspecials = Set("()<>@,;:\\\"/[]?= ".utf8)
        let parts = value.lowercased().split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, value.utf8.count <= 127 else { throw .invalidContentType(field: field) }
        for part in parts {
            let ok = !part.isEmpty && part.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !tspecials.contains($0) }
            guard ok else { throw .invalidContentType(field: field) }
        }
        return value.lowercased()
    }
}
