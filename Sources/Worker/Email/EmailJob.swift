import Foundation

/// The arguments of an `email.send` job: a message already composed in Bahasa Indonesia by
/// whoever enqueued it. The worker adds the sender, the date and a Message-ID derived from the job.
public struct EmailJob: Codable, Sendable, Equatable {
    /// The job kind these arguments belong to.
    public static let kind = "email.send"

    public struct Recipient: Codable, Sendable, Equatable {
        public var address: String
        public var name: String?
        public init(address: String, name: String? = nil) {
            self.address = address
            self.name = name
        }
    }

    public var to: [Recipient]
    public var subject: String
    public var text: String
    public var html: String?

    public init(to: [Recipient], subject: String, text: String, html: String? = nil) {
        self.to = to
        self.subject = subject
        self.text = text
        self.html = html
    }
}
