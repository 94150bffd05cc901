/// A message in Bahasa Indonesia: the e-mail's subject (also the in-app title) and its text.
public struct NotificationText: Sendable, Equatable {
    /// One line.
    public var subject: String
    /// The message, signed off as automatic.
    public var body: String

    /// A message as written.
    public init(subject: String, body: String) {
        self.subject = subject
        self.body = body
    }

    /// A message of `lines` addressed to `recipientName`, closed with the automatic-mail note.
    public init(subject: String, to recipientName: String, lines: [String]) {
        self.subject = subject
        body = (["Yth. \(recipientName),", ""] + lines + ["", NotificationText.closing]).joined(separator: "\n")
    }

    /// The last line of every message.
    static let closing = "Pesan ini dikirim otomatis oleh Kinerja; mohon tidak membalas."
}
