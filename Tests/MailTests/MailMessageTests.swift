import Foundation
import Testing
import TestSupport
@testable import Mail

@Suite struct MailMessageTests {
    /// The whole text-only message, byte for byte (seeded boundaries are not needed: no multipart).
    @Test func textOnlyMessageGolden() throws {
        var rng = SplitMix64(seed: 1)
        let rendered = try MailFixtures.message().render(using: &rng).text
        #expect(rendered == """
            Date: Wed, 25 Nov 2026 10:30:00 +0800\r
            From: BKPSDM Kabupaten Tanah Laut <noreply@tanahlaut.example>\r
            To: Siti Rahmawati <siti.rahmawati@tanahlaut.example>\r
            Subject: =?UTF-8?Q?Penilaian_Kinerja_=E2=80=93_Triwulan_I?=\r
            Message-ID: <job-0190c9a2-7e1f-7c3a-9b5e-4f1d2c3b4a59@kinerja>\r
            MIME-Version: 1.0\r
            Auto-Submitted: auto-generated\r
            Content-Type: text/plain; charset=UTF-8\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Yth. Bapak/Ibu Siti Rahmawati,\r
            \r
            Penilaian kinerja Anda untuk triwulan I telah disetujui oleh pejabat penila=\r
            i. Predikat: Baik; nilai =3D 87,5.\r
            Dokumen terlampir.\r
            \r
            Salam,\r
            BKPSDM Kabupaten Tanah Laut\r

            """)
    }

    @Test func multipartStructureWithSeededBoundaries() throws {
        let pdf = try MailAttachment(filename: "Penilaian – Siti.pdf", contentType: "Application/PDF", data: MailFixtures.pdf)
        let message = try MailFixtures.message(html: "<p>Penilaian kinerja Anda telah disetujui.</p>", attachments: [pdf])
        var a = SplitMix64(seed: 7), b = SplitMix64(seed: 7), c = SplitMix64(seed: 8)
        let first = message.render(using: &a), again = message.render(using: &b), other = message.render(using: &c)
        #expect(first == again)
        #expect(first != other)
        let lines = first.crlfLines
        let mixed = try #require(lines.first { $0.hasPrefix("Content-Type: multipart/mixed;") })
        let boundary = try #require(mixed.split(separator: "\"").dropFirst().first.map(String.init))
        #expect(boundary.hasPrefix("=_kinerja_") && boundary.count == 34)
        let alternative = try #require(lines.first { $0.hasPrefix("Content-Type: multipart/alternative;") })
        #expect(!alternative.contains(boundary))
        // Delimiters: the mixed one opens the body part and the attachment, then closes.
        #expect(lines.filter { $0 == "--" + boundary }.count == 2)
        #expect(lines.filter { $0 == "--" + boundary + "--" }.count == 1)
        #expect(lines.contains("Content-Type: application/pdf; name*=UTF-8''Penilaian%20%E2%80%93%20Siti.pdf"))
        #expect(lines.contains("Content-Disposition: attachment;"))
        #expect(lines.contains(" filename*=UTF-8''Penilaian%20%E2%80%93%20Siti.pdf"))
        #expect(lines.contains("Content-Type: text/html; charset=UTF-8"))
    }

    @Test func onlyCRLFLineEndsAndBoundedLines() throws {
        let pdf = try MailAttachment(filename: "skp.pdf", contentType: "application/pdf", data: MailFixtures.pdf)
        let longLine = String(repeating: "Sasaran kinerja pegawai ", count: 200) + "\r\rakhir\n"
        let message = try MailMessage(
            from: MailFixtures.sender(),
            to: (1...12).map { try MailAddress("pegawai\($0)@karawang.example", name: "Pegawai Nomor \($0) – Dinas") },
            subject: String(repeating: "Pemberitahuan – ", count: 20), date: MailFixtures.date,
            messageID: "x@kinerja", text: longLine, html: "<p>" + longLine + "</p>", attachments: [pdf])
        let bytes = message.render()
        for (i, byte) in bytes.enumerated() {
            if byte == 13 { #expect(i + 1 < bytes.count && bytes[i + 1] == 10) }
            if byte == 10 { #expect(i > 0 && bytes[i - 1] == 13) }
            #expect(byte < 0x80, "7-bit clean")
        }
        let lines = bytes.crlfLines
        #expect(lines.allSatisfy { $0.utf8.count <= 78 }, "RFC 5322 §2.1.1 SHOULD, far below the 998 MUST")
        let headerEnd = try #require(lines.firstIndex(of: ""))
        let toLines = lines[..<headerEnd].drop { !$0.hasPrefix("To:") }.prefix { $0.hasPrefix("To:") || $0.hasPrefix(" ") }
        #expect(toLines.count > 3)
    }

    @Test func base64AttachmentLinesAre76AndDecodeBack() throws {
        let pdf = try MailAttachment(filename: "skp.pdf", contentType: "application/pdf", data: MailFixtures.pdf)
        let lines = try MailFixtures.message(attachments: [pdf]).render().crlfLines
        let start = try #require(lines.firstIndex(of: "Content-Transfer-Encoding: base64")) + 2
        let body = lines[start...].prefix { !$0.hasPrefix("--") }
        #expect(body.dropLast().allSatisfy { $0.count == 76 })
        #expect(body.last.map { $0.count <= 76 && !$0.isEmpty } == true)
        let decoded = try #require(Data(base64Encoded: body.joined()))
        #expect([UInt8](decoded) == MailFixtures.pdf)
    }

    /// Python's `email` package (modern policy) parses the message without defects and decodes
    /// the same values back: an independent check of the MIME encoding.
    @Test func pythonEmailParsesItBack() throws {
        let pdf = try MailAttachment(filename: "Penilaian Kinerja – Siti Rahmawati – Dinas Kesehatan – Triwulan I.pdf",
                                     contentType: "application/pdf", data: MailFixtures.pdf)
        let message = try MailMessage(
            from: MailFixtures.sender(),
            to: [MailAddress("siti@tanahlaut.example", name: "Siti Rahmawati, S.Kom."),
                 MailAddress("budi@tanahlaut.example", name: "Budi Śantoso")],
            cc: [MailAddress("atasan@tanahlaut.example")], bcc: [MailAddress("arsip@tanahlaut.example")],
            replyTo: [MailAddress("bkpsdm@tanahlaut.example")],
            subject: MailFixtures.subject, date: MailFixtures.date, timeZone: TimeZone(identifier: "Asia/Makassar") ?? .gmt,
            messageID: MailMessage.messageID(jobID: 4_201),
            text: MailFixtures.text, html: "<p>Predikat: <b>Baik</b> – nilai 87,5</p>", attachments: [pdf])
        let parsed = try MailInspector.inspect(message.render())
        #expect(parsed.defects == [])
        #expect(parsed.content_type == "multipart/mixed")
        #expect(parsed.subject == MailFixtures.subject)
        #expect(parsed.from == "BKPSDM Kabupaten Tanah Laut <noreply@tanahlaut.example>")
        #expect(parsed.to == ["siti@tanahlaut.example", "budi@tanahlaut.example"])
        #expect(parsed.to_names == ["Siti Rahmawati, S.Kom.", "Budi Śantoso"])
        #expect(parsed.cc == ["atasan@tanahlaut.example"])
        #expect(parsed.reply_to == ["bkpsdm@tanahlaut.example"])
        #expect(parsed.has_bcc == false)
        #expect(parsed.message_id == "<job-4201@kinerja>")
        #expect(parsed.date == "Wed, 25 Nov 2026 10:30:00 +0800")
        #expect(parsed.text?.replacingOccurrences(of: "\r\n", with: "\n") == MailFixtures.text)
        #expect(parsed.html == "<p>Predikat: <b>Baik</b> – nilai 87,5</p>")
        #expect(parsed.attachments.count == 1)
        #expect(parsed.attachments.first?.filename == pdf.filename)
        #expect(parsed.attachments.first?.content_type == "application/pdf")
        #expect(parsed.attachments.first?.data == MailFixtures.pdf)
        #expect(message.recipients.map(\.address) == ["siti@tanahlaut.example", "budi@tanahlaut.example",
                                                      "atasan@tanahlaut.example", "arsip@tanahlaut.example"])
    }
}
