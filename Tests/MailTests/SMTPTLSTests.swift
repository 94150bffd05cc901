import Foundation
import Testing
import TestSupport
@testable import Mail

/// TLS against a sink with a throwaway certificate: STARTTLS (RFC 3207) and implicit TLS.
@Suite struct SMTPTLSTests {
    private func message() throws -> MailMessage {
        try MailMessage(from: MailFixtures.sender(), to: [MailAddress("siti@tanahlaut.example")],
                        subject: "TLS", date: MailFixtures.date, messageID: MailMessage.messageID(jobID: Int.random(in: 1...Int.max)),
                        text: "Halo")
    }

    @Test func requiredSTARTTLSWithCredentialsDelivers() throws {
        let certificate = try TestCertificate()
        let sink = try SMTPSink(credentials: "kinerja:rahasia", tls: certificate)
        defer { sink.stop() }
        let configuration = try SMTPConfiguration(url: "smtp://kinerja:rahasia@127.0.0.1:\(sink.port)",
                                                  timeout: .seconds(20), caFile: certificate.certificate)
        #expect(configuration.tls == .required)
        let message = try message()
        try SMTPClient(configuration: configuration).send(message)
        #expect(try sink.waitForMessages(containing: message.messageID).count == 1)
    }

    @Test func implicitTLSDelivers() throws {
        let certificate = try TestCertificate()
        let sink = try SMTPSink(tls: certificate, implicitTLS: true)
        defer { sink.stop() }
        let configuration = try SMTPConfiguration(url: "smtps://127.0.0.1:\(sink.port)", timeout: .seconds(20),
                                                  caFile: certificate.certificate)
        let message = try message()
        try SMTPClient(configuration: configuration).send(message)
        #expect(try sink.waitForMessages(containing: message.messageID).count == 1)
    }

    @Test func untrustedCertificateIsAPermanentTLSError() throws {
        let sink = try SMTPSink(tls: TestCertificate())
        defer { sink.stop() }
        let configuration = try SMTPConfiguration(url: sink.url, tls: .required, timeout: .seconds(20))
        let error = try #require(throws: SMTPError.self) { try SMTPClient(configuration: configuration).send(message()) }
        #expect(error.kind == .tls)
        #expect(!error.isTransient)
    }

    @Test func plainTextToAServerRequiringSTARTTLSIsRefusedPermanently() throws {
        let sink = try SMTPSink(tls: TestCertificate())
        defer { sink.stop() }
        let configuration = try SMTPConfiguration(url: sink.url, tls: SMTPConfiguration.TLSMode.none, timeout: .seconds(20))
        let error = try #require(throws: SMTPError.self) { try SMTPClient(configuration: configuration).send(message()) }
        #expect(error.responseCode == 530)
        #expect(!error.isTransient)
    }
}
