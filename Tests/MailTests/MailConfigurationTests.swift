import Testing
@testable import Mail

@Suite struct MailConfigurationTests {
    @Test func withoutSMTPURLTheOutboxIsUsed() throws {
        #expect(try MailConfiguration.fromEnvironment([:]) == .outbox(directory: ".data/outbox"))
        #expect(try MailConfiguration.fromEnvironment(["KINERJA_MAIL_OUTBOX": "/tmp/o"]) == .outbox(directory: "/tmp/o"))
        #expect(try MailConfiguration.fromEnvironment([:]).makeMailer() is OutboxMailer)
    }

    @Test func smtpSettings() throws {
        let config = try MailConfiguration.fromEnvironment([
            "KINERJA_SMTP_URL": "smtp://relay.karawang.example:587",
            "KINERJA_SMTP_USERNAME": "kinerja", "KINERJA_SMTP_PASSWORD": "rahasia",
            "KINERJA_SMTP_CONNECT_TIMEOUT_MS": "2500", "KINERJA_SMTP_TIMEOUT_MS": "30000",
        ])
        guard case .smtp(let smtp) = config else { Issue.record("expected SMTP"); return }
        #expect(smtp.url == "smtp://relay.karawang.example:587")
        #expect(smtp.username == "kinerja" && smtp.password == "rahasia")
        #expect(smtp.tls == .required)
        #expect(smtp.connectTimeout == .milliseconds(2500) && smtp.timeout == .seconds(30))
        #expect(!config.description.contains("rahasia"))
        #expect(config.makeMailer() is SMTPClient)
        let plain = try MailConfiguration.fromEnvironment(["KINERJA_SMTP_URL": "smtp://127.0.0.1:2525",
                                                           "KINERJA_SMTP_STARTTLS": "none"])
        #expect(plain == .smtp(try SMTPConfiguration(url: "smtp://127.0.0.1:2525", tls: SMTPConfiguration.TLSMode.none)))
    }

    @Test func everyProblemIsReportedWithoutEchoingSecrets() {
        do {
            _ = try MailConfiguration.fromEnvironment([
                "KINERJA_SMTP_URL": "htp://user:rahasia@relay", "KINERJA_SMTP_STARTTLS": "maybe",
                "KINERJA_SMTP_TIMEOUT_MS": "0",
            ])
            Issue.record("expected an error")
        } catch {
            #expect(error.problems.count == 3)
            #expect(error.problems.contains { $0.name == "KINERJA_SMTP_URL" })
            #expect(!error.description.contains("rahasia"))
        }
    }
}
