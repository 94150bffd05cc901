import Foundation
import Testing
import TestSupport
@testable import Mail

@Suite struct OutboxMailerTests {
    private func temporaryDirectory() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-outbox-" + UUID().uuidString).path
    }

    @Test func sameMessageIDGivesOneFileThatParses() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let mailer: any Mailer = OutboxMailer(directory: directory + "/nested")
        let message = try MailFixtures.message()
        try mailer.deliver(message)
        try mailer.deliver(message)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/nested")
        #expect(files == ["job-0190c9a2-7e1f-7c3a-9b5e-4f1d2c3b4a59@kinerja.eml"])
        let parsed = try MailInspector.inspect(file: URL(fileURLWithPath: directory + "/nested/" + files[0]))
        #expect(parsed.defects == [])
        #expect(parsed.message_id == message.messageID)
        #expect(parsed.subject == MailFixtures.subject)
    }

    @Test func differentMessageIDsGiveDifferentFiles() throws {
        let directory = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let mailer = OutboxMailer(directory: directory)
        for id in ["<a/b@kinerja>", "<a_b@kinerja>", "<a%b@kinerja>", "<.hidden@kinerja>"] {
            try mailer.deliver(MailFixtures.message(id: id))
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(files.count == 4)
        #expect(files.allSatisfy { $0.hasSuffix(".eml") && !$0.hasPrefix(".") && !$0.contains("/") })
        #expect(files.contains("a_b@kinerja.eml"))
    }

    @Test func unwritableOutboxIsATypedError() throws {
        let file = temporaryDirectory()
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(throws: MailDeliveryError.self) {
            try OutboxMailer(directory: file + "/sub").deliver(MailFixtures.message())
        }
    }
}
