import Foundation

extension MailMessage {
    /// The message as RFC 5322 bytes with CRLF line ends, boundaries drawn from the system RNG.
    public func render() -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return render(using: &generator)
    }

    /// The message as RFC 5322 bytes with CRLF line ends; `generator` draws the MIME boundaries
    /// (inject a seeded one for reproducible output).
    ///
    /// Structure (RFC 2046 §5.1): text/plain alone; or multipart/alternative of text and HTML
    /// (§5.1.4, plainest first); wrapped in multipart/mixed (§5.1.3) when there are attachments.
    /// Text parts are quoted-printable, attachments base64, so every line stays within 76
    /// characters and the message is 7-bit clean (no 8BITMIME needed from the relay).
    public func render(using generator: inout some RandomNumberGenerator) -> [UInt8] {
        var body = MIMEPart.text(text, subtype: "plain")
        if let html {
            body = .multipart("alternative", [body, .text(html, subtype: "html")])
        }
        if !attachments.isEmpty {
            body = .multipart("mixed", [body] + attachments.map(MIMEPart.attachment))
        }

        var out: [UInt8] = []
        var fields: [HeaderField] = [
            HeaderField("Date", tokens: [MailDate.format(date, offsetSeconds: timeZone.secondsFromGMT(for: date))]),
            HeaderField.addresses("From", [from]),
        ]
        if !replyTo.isEmpty { fields.append(.addresses("Reply-To", replyTo)) }
        if !to.isEmpty { fields.append(.addresses("To", to)) }
        if !cc.isEmpty { fields.append(.addresses("Cc", cc)) }
        fields.append(.unstructured("Subject", subject))
        fields.append(HeaderField("Message-ID", tokens: [messageID]))
        fields.append(HeaderField("MIME-Version", tokens: ["1.0"]))
        if isAutoSubmitted { fields.append(HeaderField("Auto-Submitted", tokens: ["auto-generated"])) }
        for field in fields { out += field.render() }

        var used: Set<String> = []
        let leaves = body.leafBodies()
        body.render(into: &out, boundaries: &used, leaves: leaves, generator: &generator)
        out += [13, 10]
        return out
    }
}
