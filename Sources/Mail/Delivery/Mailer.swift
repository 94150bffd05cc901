/// Something that delivers messages: `SMTPClient` in production, `OutboxMailer` in development.
///
/// Delivery is at-least-once: a job that crashes after `deliver` returns may deliver again, so
/// give each message a Message-ID derived from its job (`MailMessage.messageID(jobID:)`) and
/// record "sent" right after `deliver` returns.
public protocol Mailer: Sendable {
    /// Delivers `message`, blocking until it is accepted; throws a typed, classified error.
    func deliver(_ message: MailMessage) throws(MailDeliveryError)
}
