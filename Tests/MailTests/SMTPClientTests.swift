import CCurl
import Foundation
import Testing
import TestSupport
@testable import Mail

/// Sends through a real SMTP server (aiosmtpd, see scripts/lib/smtp_sink.py).
@Suite struct SMTPClientTests {
    private func client(_ url: String, timeout: Duration = .seconds(20)) throws -> SMTPClient {
        SMTPClient(configuration: try SMTPConfiguration(url: url, tls: SMTPConfiguration.TLSMode.none,
                                                        connectTimeout: .seconds(5), timeout: timeout))
    }

    private func message(jobID: Int = Int.random(in: 1...Int.max), to: String = "siti@tanahlaut.example",
                         attachments: [MailAttachment] = []) throws -> MailMessage {
        try MailMessage(
            from: MailFixtures.sender(), to: [MailAddress(to, name: "Siti Rahmawati")],
            cc: [MailAddress("atasan@tanahlaut.example")], bcc: [MailAddress("arsip@tanahlaut.example")],
            subject: MailFixtures.subject, date: MailFixtures.date, timeZone: TimeZone(identifier: "Asia/Makassar") ?? .gmt,
            messageID: MailMessage.messageID(jobID: jobID),
            text: MailFixtures.text + "\n.\n..titik di awal baris\n", attachments: attachments)
    }

    @Test func deliversToTheRealServerWithEnvelopeHeadersAndAttachment() throws {
        let sink = try SMTPSink.shared()
        let pdf = try MailAttachment(filename: "Penilaian Kinerja – Siti.pdf", contentType: "application/pdf", data: MailFixtures.pdf)
        let message = try message(attachments: [pdf])
        try client(sink.url).send(message)

        let saved = try sink.waitForMessages(containing: message.messageID)
        try #require(saved.count == 1)
        #expect(saved[0].envelope.mail_from == "noreply@tanahlaut.example")
        #expect(saved[0].envelope.rcpt_tos == ["siti@tanahlaut.example", "atasan@tanahlaut.example", "arsip@tanahlaut.example"])
        let parsed = try MailInspector.inspect(file: saved[0].file)
        #expect(parsed.defects == [])
        #expect(parsed.from == "BKPSDM Kabupaten Tanah Laut <noreply@tanahlaut.example>")
        #expect(parsed.to == ["siti@tanahlaut.example"])
        #expect(parsed.cc == ["atasan@tanahlaut.example"])
        #expect(parsed.has_bcc == false)
        #expect(parsed.subject == MailFixtures.subject)
        #expect(parsed.message_id == message.messageID)
        // Lines starting with a dot survive SMTP dot-stuffing (RFC 5321 §4.5.2).
        #expect(parsed.text?.replacingOccurrences(of: "\r\n", with: "\n").contains("\n.\n..titik di awal baris\n") == true)
        #expect(parsed.attachments.first?.filename == "Penilaian Kinerja – Siti.pdf")
        #expect(parsed.attachments.first?.data == MailFixtures.pdf)
    }

    /// Server down: a typed transient error. Server back: the retry delivers exactly once.
    @Test func serverDownIsTransientThenDeliversOnceWhenUp() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let smtp = try client(sink.url)
        let message = try message()
        sink.stop()

        let error = try #require(throws: SMTPError.self) { try smtp.send(message) }
        #expect(error.isTransient)
        #expect(error.kind == .connection)
        #expect(error.curlCode == Int(CURLE_COULDNT_CONNECT.rawValue))
        #expect(error.responseCode == 0)
        #expect(try sink.messages(containing: message.messageID).isEmpty)

        try sink.restart()
        try smtp.send(message)
        #expect(try sink.waitForMessages(containing: message.messageID).count == 1)
    }

    /// One client sends one message after another over the same SMTP session (same client port
    /// at the server), not a new connection per message.
    @Test func consecutiveMessagesShareOneSession() throws {
        let sink = try SMTPSink.shared()
        let smtp = try client(sink.url)
        let messages = try (0..<3).map { _ in try message() }
        for message in messages { try smtp.send(message) }
        let ports = try messages.map { try #require(sink.waitForMessages(containing: $0.messageID).first?.envelope.peer_port) }
        #expect(Set(ports).count == 1)
    }

    /// The server closed the idle session (here: it restarted): the next message opens a new one.
    @Test func aSessionTheServerClosedIsReplaced() throws {
        let sink = try SMTPSink()
        defer { sink.stop() }
        let smtp = try client(sink.url)
        let first = try message()
        try smtp.send(first)
        #expect(try sink.waitForMessages(containing: first.messageID).count == 1)
        try sink.restart()
        let second = try message()
        try smtp.send(second)
        #expect(try sink.waitForMessages(containing: second.messageID).count == 1)
    }

    /// A refused message drops its session; the client's next message is delivered on a fresh one.
    @Test func aFailedSendDoesNotSpoilTheNextOne() throws {
        let sink = try SMTPSink(rejectRecipients: ["ditolak"])
        defer { sink.stop() }
        let smtp = try client(sink.url)
        let good = try message()
        try smtp.send(good)
        #expect(throws: SMTPError.self) { try smtp.send(message(to: "ditolak@tanahlaut.example")) }
        let next = try message()
        try smtp.send(next)
        let ports = try [good, next].map { try #require(sink.waitForMessages(containing: $0.messageID).first?.envelope.peer_port) }
        #expect(ports[0] != ports[1])
    }

    @Test func rejectedRecipientIsPermanentWithTheReplyCode() throws {
        let sink = try SMTPSink(rejectRecipients: ["ditolak"])
        defer { sink.stop() }
        let message = try message(to: "ditolak@tanahlaut.example")
        let error = try #require(throws: SMTPError.self) { try client(sink.url).send(message) }
        #expect(!error.isTransient)
        #expect(error.kind == .rejected)
        #expect(error.responseCode == 550)
        #expect(try sink.messages(containing: message.messageID).isEmpty)
    }

    @Test func deferredRecipientIsTransientWithTheReplyCode() throws {
        let sink = try SMTPSink(deferRecipients: ["tunda"])
        defer { sink.stop() }
        let message = try message(to: "tunda@tanahlaut.example")
        let error = try #require(throws: SMTPError.self) { try client(sink.url).send(message) }
        #expect(error.isTransient)
        #expect(error.kind == .rejected)
        #expect(error.responseCode == 451)
    }

    /// A server that accepts the connection but never greets: the total timeout ends the wait.
    @Test func silentServerTimesOutAsTransient() throws {
        let listener = try SilentListener()
        defer { listener.close() }
        let error = try #require(throws: SMTPError.self) {
            try client("smtp://127.0.0.1:\(listener.port)", timeout: .milliseconds(500)).send(message())
        }
        #expect(error.isTransient)
        #expect(error.kind == .timeout)
        #expect(error.curlCode == Int(CURLE_OPERATION_TIMEDOUT.rawValue))
    }

    @Test func credentialsComeFromTheURLAndNeverReachDescriptions() throws {
        let configuration = try SMTPConfiguration(url: "smtp://notifikasi%40karawang:s3cr%2Fet@127.0.0.1:1/kinerja.example",
                                                  connectTimeout: .seconds(2), timeout: .seconds(5))
        #expect(configuration.url == "smtp://127.0.0.1:1/kinerja.example")
        #expect(configuration.username == "notifikasi@karawang")
        #expect(configuration.password == "s3cr/et")
        #expect(configuration.tls == .required)
        #expect(!configuration.description.contains("s3cr"))
        let error = try #require(throws: SMTPError.self) { try SMTPClient(configuration: configuration).send(message()) }
        #expect(error.isTransient)
        #expect(!error.description.contains("s3cr") && !error.description.contains("notifikasi"))
    }

    @Test(arguments: ["http://mail.example:25", "smtp://", "mail.example:25", "file:///etc/passwd"])
    func nonSMTPURLsAreRefused(_ url: String) {
        #expect(throws: SMTPError.self) { try SMTPConfiguration(url: url) }
    }

    @Test func classification() {
        func classify(_ curl: CURLcode, _ reply: Int) -> (SMTPError.Kind, Bool) {
            let (kind, transient) = SMTPError.classify(curlCode: Int(curl.rawValue), responseCode: reply)
            return (kind, transient)
        }
        #expect(classify(CURLE_SEND_ERROR, 550) == (.rejected, false))
        #expect(classify(CURLE_RECV_ERROR, 452) == (.rejected, true))
        #expect(classify(CURLE_COULDNT_CONNECT, 0) == (.connection, true))
        #expect(classify(CURLE_COULDNT_RESOLVE_HOST, 0) == (.connection, true))
        #expect(classify(CURLE_OPERATION_TIMEDOUT, 0) == (.timeout, true))
        #expect(classify(CURLE_LOGIN_DENIED, 535) == (.authentication, false))
        #expect(classify(CURLE_LOGIN_DENIED, 454) == (.authentication, true))
        #expect(classify(CURLE_USE_SSL_FAILED, 0) == (.tls, false))
        #expect(classify(CURLE_URL_MALFORMAT, 0) == (.configuration, false))
    }
}

/// A TCP listener on 127.0.0.1 that never accepts: connections complete in the backlog and
/// then hear nothing, like a hung server.
private final class SilentListener {
    let fd: Int32
    let port: Int

    init() throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let ok = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sa in
                bind(fd, sa, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, sa, &length) == 0
            }
        }
        guard fd >= 0, ok else { throw POSIXError(.EADDRNOTAVAIL) }
        self.fd = fd
        port = Int(UInt16(bigEndian: address.sin_port))
    }

    func close() { _ = Glibc.close(fd) }
}
