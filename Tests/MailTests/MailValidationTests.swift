import Foundation
import Testing
@testable import Mail

@Suite struct MailValidationTests {
    @Test(arguments: ["Penilaian\r\nBcc: semua@karawang.example", "Penilaian\nX: y", "Penilaian\r", "a\u{0}b"])
    func headerInjectionInSubjectIsRefused(_ subject: String) throws {
        #expect(throws: MailMessageError.controlCharacter(field: "Subject")) {
            try MailMessage(from: MailFixtures.sender(), to: [MailAddress("a@karawang.example")],
                            subject: subject, date: MailFixtures.date, messageID: "a@b", text: "")
        }
    }

    @Test func headerInjectionInNamesAddressesFilenamesAndIDsIsRefused() throws {
        #expect(throws: MailMessageError.controlCharacter(field: "To name")) {
            try MailAddress("a@karawang.example", name: "Siti\r\nBcc: x@y.example", field: "To")
        }
        #expect(throws: MailMessageError.controlCharacter(field: "To")) {
            try MailAddress("a@karawang.example\r\nBcc: x@y.example", field: "To")
        }
        #expect(throws: MailMessageError.controlCharacter(field: "attachment filename")) {
            try MailAttachment(filename: "a.pdf\r\nContent-Type: text/html", contentType: "application/pdf", data: [])
        }
        #expect(throws: MailMessageError.invalidContentType(field: "attachment content type")) {
            try MailAttachment(filename: "a.pdf", contentType: "application/pdf; x=\"y\"", data: [])
        }
        #expect(throws: MailMessageError.invalidMessageID) {
            try MailMessage(from: MailFixtures.sender(), to: [MailAddress("a@karawang.example")], subject: "s",
                            date: MailFixtures.date, messageID: "<a@b>\r\nBcc: x@y.example", text: "")
        }
    }

    @Test(arguments: [
        "pegawai@karawang.example", "siti.rahmawati+skp@tanah-laut.go.id", "a_b-c@x.co",
        "o'brien@demak.example", String(repeating: "a", count: 64) + "@karawang.example",
    ])
    func validAddresses(_ address: String) throws {
        #expect(try MailAddress(address).address == address)
    }

    @Test(arguments: [
        "", "pegawai", "@karawang.example", "pegawai@", "pegawai@localhost", "a..b@karawang.example",
        ".a@karawang.example", "a.@karawang.example", "a b@karawang.example", "a@kara wang.example",
        "a@-karawang.example", "a@karawang..example", "a@karawang.example.", "\"a\"@karawang.example",
        "a@[127.0.0.1]", "pegawái@karawang.example", "a<b>@karawang.example", "a,b@karawang.example",
        String(repeating: "a", count: 65) + "@karawang.example",
        "a@" + String(repeating: "b", count: 64) + ".example",
        "a@" + String(repeating: "b.", count: 130) + "example",
    ])
    func invalidAddresses(_ address: String) {
        #expect(throws: MailMessageError.self) { try MailAddress(address) }
    }

    @Test func messageIDGetsBracketsAndJobIDsAreStable() throws {
        #expect(MailMessage.messageID(jobID: 4_201) == "<job-4201@kinerja>")
        let message = try MailMessage(from: MailFixtures.sender(), to: [MailAddress("a@karawang.example")],
                                      subject: "s", date: MailFixtures.date, messageID: "abc@kinerja", text: "")
        #expect(message.messageID == "<abc@kinerja>")
        for bad in ["", "<>", "abc", "a b@c", "a@b@c", "<a@b", "@b"] {
            #expect(throws: MailMessageError.invalidMessageID) {
                try MailMessage(from: MailFixtures.sender(), to: [MailAddress("a@karawang.example")],
                                subject: "s", date: MailFixtures.date, messageID: bad, text: "")
            }
        }
    }

    @Test func limits() throws {
        let from = try MailFixtures.sender()
        #expect(throws: MailMessageError.noRecipients) {
            try MailMessage(from: from, to: [], subject: "s", date: MailFixtures.date, messageID: "a@b", text: "")
        }
        let many = try (0...MailMessage.Limits.recipients).map { try MailAddress("p\($0)@karawang.example") }
        #expect(throws: MailMessageError.tooLong(field: "recipients", limit: MailMessage.Limits.recipients)) {
            try MailMessage(from: from, to: many, subject: "s", date: MailFixtures.date, messageID: "a@b", text: "")
        }
        #expect(throws: MailMessageError.tooLong(field: "Subject", limit: MailMessage.Limits.subject)) {
            try MailMessage(from: from, to: [many[0]], subject: String(repeating: "é", count: 251),
                            date: MailFixtures.date, messageID: "a@b", text: "")
        }
    }

    @Test func errorDescriptionsDoNotEchoTheRefusedValue() {
        let error = MailMessageError.invalidAddress(field: "To", reason: "no @")
        #expect(error.description == "To is not a valid e-mail address: no @")
    }
}
