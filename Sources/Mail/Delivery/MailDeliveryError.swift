/// Why a `Mailer` could not deliver a message.
public enum MailDeliveryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The SMTP server refused the message or could not be reached.
    case smtp(SMTPError)
    /// The outbox file could not be written (errno); the path is the outbox directory.
    case outbox(directory: String, errno: Int32)

    /// True when trying again later may succeed.
    public var isTransient: Bool {
        switch self {
        case .smtp(let error): error.isTransient
        // A full or read-only disk can be fixed without changing the message.
        case .outbox: true
        }
    }

    public var description: String {
        switch self {
        case .smtp(let error): error.description
        case .outbox(let directory, let code): "cannot write to the mail outbox \(directory) (errno \(code))"
        }
    }
}
