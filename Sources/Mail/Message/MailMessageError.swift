/// Why a message, address or attachment was refused. Values are never echoed into the
/// description: they may be personal data, and a refused value may be an injection attempt.
public enum MailMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A header value contained CR, LF or another control character (RFC 5322 §2.2 allows no
    /// bare CR or LF in a field body; accepting them would let input add headers).
    case controlCharacter(field: String)
    /// An address is not a plain `local@domain` address (RFC 5321 §4.1.2, §4.5.3.1).
    case invalidAddress(field: String, reason: String)
    /// A value is longer than its limit.
    case tooLong(field: String, limit: Int)
    /// A value that must be present is empty.
    case empty(field: String)
    /// The Message-ID is not `<left@right>` made of printable ASCII (RFC 5322 §3.6.4).
    case invalidMessageID
    /// A content type is not `type/subtype` made of RFC 2045 §5.1 token characters.
    case invalidContentType(field: String)
    /// The message has no To, Cc or Bcc recipient.
    case noRecipients

    public var description: String {
        switch self {
        case .controlCharacter(let field): "\(field) contains a line break or control character"
        case .invalidAddress(let field, let reason): "\(field) is not a valid e-mail address: \(reason)"
        case .tooLong(let field, let limit): "\(field) is longer than \(limit) bytes"
        case .empty(let field): "\(field) is empty"
        case .invalidMessageID: "Message-ID must look like <id@domain> in printable ASCII"
        case .invalidContentType(let field): "\(field) is not a type/subtype content type"
        case .noRecipients: "the message has no recipient"
        }
    }

    /// Refuses CR, LF, NUL and the other C0 controls and DEL (tab is allowed: it is folding
    /// white space in RFC 5322 §3.2.2).
    static func checkNoControls(_ value: String, field: String) throws(MailMessageError) {
        for scalar in value.unicodeScalars where (scalar.value < 0x20 && scalar != "\t") || scalar.value == 0x7F {
            throw .controlCharacter(field: field)
        }
    }
}
