import Foundation

/// An e-mail ready to render: a pure value, validated when made, so rendering cannot fail and
/// no header can be injected (RFC 5322 fields, RFC 2045–2047 and 2231 MIME).
public struct MailMessage: Sendable, Equatable {
    /// The sender (per tenant, e.g. "BKPSDM Kabupaten Tanah Laut"); also the SMTP envelope sender.
    public let from: MailAddress
    /// Primary recipients.
    public let to: [MailAddress]
    /// Copied recipients, shown in the message.
    public let cc: [MailAddress]
    /// Blind-copied recipients: in the SMTP envelope only, never rendered.
    public let bcc: [MailAddress]
    /// Where replies go, when not to `from`.
    public let replyTo: [MailAddress]
    /// The subject; any Unicode (RFC 2047 encoded when not plain ASCII).
    public let subject: String
    /// When the message was written; injected so rendering is deterministic.
    public let date: Date
    /// The zone whose offset the Date header shows (the tenant's, or UTC).
    public let timeZone: TimeZone
    /// The Message-ID with angle brackets, e.g. `<job-0190…@kinerja>`. Derive it from the job so
    /// a retried job sends the same message and a receiver can drop the duplicate.
    public let messageID: String
    /// The plain-text body (UTF-8; any line-break style, sent as CRLF).
    public let text: String
    /// An optional HTML alternative of the same content.
    public let html: String?
    /// Attached files.
    public let attachments: [MailAttachment]
    /// Adds `Auto-Submitted: auto-generated` (RFC 3834 §5) so auto-responders do not answer.
    public let isAutoSubmitted: Bool

    /// Limits that keep a message deliverable and bounded.
    public enum Limits {
        /// Subject bytes (UTF-8) before encoding.
        public static let subject = 500
        /// To + Cc + Bcc; RFC 5321 §4.5.3.1.8 only guarantees 100 recipients per transaction.
        public static let recipients = 100
        /// Message-ID length including the angle brackets.
        public static let messageID = 250
        /// Text and HTML body bytes, each.
        public static let body = 5_000_000
        /// All attachment bytes together (before base64).
        public static let attachments = 20_000_000
    }

    /// Validates every field; throws a typed error naming the first field refused.
    public init(from: MailAddress, to: [MailAddress], cc: [MailAddress] = [], bcc: [MailAddress] = [],
                replyTo: [MailAddress] = [], subject: String, date: Date, timeZone: TimeZone = .gmt,
                messageID: String, text: String, html: String? = nil, attachments: [MailAttachment] = [],
                isAutoSubmitted: Bool = true) throws(MailMessageError) {
        guard !(to.isEmpty && cc.isEmpty && bcc.isEmpty) else { throw .noRecipients }
        guard to.count + cc.count + bcc.count <= Limits.recipients else {
            throw .tooLong(field: "recipients", limit: Limits.recipients)
        }
        try MailMessageError.checkNoControls(subject, field: "Subject")
        guard subject.utf8.count <= Limits.subject else { throw .tooLong(field: "Subject", limit: Limits.subject) }
        guard text.utf8.count <= Limits.body else { throw .tooLong(field: "text body", limit: Limits.body) }
        guard (html?.utf8.count ?? 0) <= Limits.body else { throw .tooLong(field: "HTML body", limit: Limits.body) }
        guard attachments.reduce(0, { $0 + $1.data.count }) <= Limits.attachments else {
            throw .tooLong(field: "attachments", limit: Limits.attachments)
        }
        self.from = from
        self.to = to
        self.cc = cc
        self.bcc = bcc
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = try MailMessage.checkedMessageID(messageID)
        self.text = text
        self.html = html
        self.attachments = attachments
        self.isAutoSubmitted = isAutoSubmitted
    }

    /// A Message-ID derived from a job, `<job-<id>@<domain>>`: the same job always gives the
    /// same Message-ID, which is what makes an at-least-once retry recognisable.
    public static func messageID(jobID: Int, domain: String = "kinerja") -> String {
        "<job-\(jobID)@" + domain + ">"
    }

    /// Every envelope recipient: To, then Cc, then Bcc, without duplicates.
    public var recipients: [MailAddress] {
        var seen = Set<String>()
        return (to + cc + bcc).filter { seen.insert($0.address.lowercased()).inserted }
    }

    /// RFC 5322 §3.6.4 `msg-id`, simplified: `<` dot-atom-ish `@` dot-atom-ish `>` in printable
    /// ASCII without spaces. Brackets are added when the caller left them out.
    static func checkedMessageID(_ value: String) throws(MailMessageError) -> String {
        var inner = Substring(value)
        if inner.hasPrefix("<") && inner.hasSuffix(">") && inner.count >= 2 {
            inner = inner.dropFirst().dropLast()
        }
        let printable = inner.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
        let parts = inner.split(separator: "@", omittingEmptySubsequences: false)
        guard printable, parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .invalidMessageID }
        guard inner.utf8.count + 2 <= Limits.messageID else { throw .tooLong(field: "Message-ID", limit: Limits.messageID) }
        return "<" + inner + ">"
    }
}
