import Foundation
import Testing
import TestSupport
@testable import Mail

/// SMTP AUTH and the STARTTLS policy against a server that requires AUTH (and offers no TLS).
@Suite struct SMTPAuthenticationTests {
    private func message() throws -> MailMessage {
        try MailMessage(from: MailFixtures.sender(), to: [MailAddress("siti@tanahlaut.example")],
                        subject: "AUTH", date: MailFixtures.date, messageID: MailMessage.messageID(jobID: Int.random(in: 1...Int.max)),
                        text: "Halo")
    }

    @Test func credentialsFromTheURLAuthenticate() throws {
        let sink = try SMTPSink(credentials: "kinerja@karawang:rahasia/123")
        defer { sink.stop() }
        let url = "smtp://kinerja%40karawang:rahasia%2F123@127.0.0.1:\(sink.port)"
        let configuration = try SMTPConfiguration(url: url, tls: SMTPConfiguration.TLSMode.none, timeout: .seconds(20))
        let message = try message()
        try SMTPClient(configuration: configuration).send(message)
        #expect(try sink.waitForMessages(containing: message.messageID).count == 1)
    }

    @Test func wrongPasswordIsAPermanentAuthenticationError() throws {
        let sink = try SMTPSink(credentials: "kinerja:rahasia")
        defer { sink.stop() }
        let configuration = try SMTPConfiguration(url: sink.url, tls: SMTPConfiguration.TLSMode.none,
                                                  username: "kinerja", password: "salah", timeout: .seconds(20))
        let error = try #require(throws: SMTPError.self) { try SMTPClient(configuration: configuration).send(message()) }
        #expect(error.kind == .authentication)
        #expect(error.responseCode == 535)
        #expect(!error.isTransient)
        #expect(!error.description.contains("salah"))
    }

    /// With credentials the default is STARTTLS required, so a server without TLS gets no password.
    @Test func credentialsWithoutTLSAreNotSentByDefault() throws {
        let sink = try SMTPSink(credentials: "kinerja:rahasia")
        defer { sink.stop() }
        let configuration = try SMTPConfiguration(url: sink.url, username: "kinerja", password: "rahasia", timeout: .seconds(20))
        #expect(configuration.tls == .required)
        let error = try #require(throws: SMTPError.self) { try SMTPClient(configuration: configuration).send(message()) }
        #expect(error.kind == .tls)
        #expect(!error.isTransient)
    }

    @Test func envelopeAddressesAreCheckedAgainstCommandInjection() throws {
        let client = SMTPClient(configuration: try SMTPConfiguration(url: "smtp://127.0.0.1:1"))
        let error = try #require(throws: SMTPError.self) {
            try client.send(rendered: [], from: "a@b.example\r\nRSET", to: ["c@d.example"], messageID: "")
        }
        #expect(!error.isTransient)
    }
}
