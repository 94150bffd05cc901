import Foundation
import Testing
@testable import Mail

@Suite struct MIMEEncodingTests {
    @Test func subjectWithEnDashBecomesOneQEncodedWord() {
        let field = HeaderField.unstructured("Subject", "Penilaian Kinerja – Triwulan I").render().text
        #expect(field == "Subject: =?UTF-8?Q?Penilaian_Kinerja_=E2=80=93_Triwulan_I?=\r\n")
    }

    @Test func asciiSubjectStaysLiteralAndFoldsAtSpaces() {
        let words = (1...30).map { "kata\($0)" }.joined(separator: " ")
        let field = HeaderField.unstructured("Subject", words).render().text
        let lines = field.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // Unfolding (RFC 5322 §2.2.3) gives the value back.
        #expect(field.replacingOccurrences(of: "\r\n", with: "") == "Subject: " + words)
    }

    @Test func asciiSubjectThatLooksEncodedIsEncoded() {
        let field = HeaderField.unstructured("Subject", "=?UTF-8?Q?x?=").render().text
        #expect(field.hasPrefix("Subject: =?UTF-8?Q?=3D=3FUTF-8=3FQ=3Fx=3F=3D?="))
    }

    @Test func longNonASCIISubjectSplitsIntoWholeCharacterWords() {
        let subject = String(repeating: "Penilaian Kinerja – Triwulan Ⅳ — ", count: 6)
        let field = HeaderField.unstructured("Subject", subject).render().text
        let lines = field.components(separatedBy: "\r\n").dropLast()
        #expect(lines.count > 3)
        #expect(lines.allSatisfy { $0.utf8.count <= 78 })
        for line in lines {
            let word = line.hasPrefix("Subject: ") ? String(line.dropFirst(9)) : String(line.dropFirst())
            #expect(word.hasPrefix("=?UTF-8?Q?") && word.hasSuffix("?=") && word.utf8.count <= 75)
            // Each word decodes to valid UTF-8 on its own (RFC 2047 §5: no split characters).
            let payload = word.dropFirst(10).dropLast(2)
            #expect(decodeQ(String(payload)) != nil)
        }
    }

    @Test func quotedPrintableOfIndonesianText() {
        let text = "Nilai akhir = 87,5 — predikat “Baik”. \nTerima kasih."
        let encoded = QuotedPrintable.encode(text).text
        #expect(encoded == "Nilai akhir =3D 87,5 =E2=80=94 predikat =E2=80=9CBaik=E2=80=9D.=20\r\nTerima kasih.")
    }

    @Test func quotedPrintableSoftBreaksKeepLinesWithin76() {
        let text = String(repeating: "Pegawai wajib menyusun SKP sesuai ketentuan; ", count: 8) + "selesai."
        let encoded = QuotedPrintable.encode(text).text
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines.count > 4)
        #expect(lines.allSatisfy { $0.utf8.count <= 76 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("=") })
        #expect(encoded.replacingOccurrences(of: "=\r\n", with: "") == text)
    }

    @Test(arguments: ["a\nb", "a\r\nb", "a\rb"])
    func quotedPrintableMakesEveryLineBreakCRLF(_ text: String) {
        #expect(QuotedPrintable.encode(text).text == "a\r\nb")
    }

    @Test func asciiFilenameIsQuoted() {
        #expect(MIMEParameter.tokens(name: "filename", value: "SKP \"2026\".pdf", isLast: true)
                == ["filename=\"SKP \\\"2026\\\".pdf\""])
    }

    @Test func nonASCIIFilenameUsesRFC2231() {
        #expect(MIMEParameter.tokens(name: "filename", value: "Penilaian – Siti.pdf", isLast: true)
                == ["filename*=UTF-8''Penilaian%20%E2%80%93%20Siti.pdf"])
    }

    @Test func longNonASCIIFilenameUsesRFC2231Continuations() {
        let name = "Dokumen Penilaian Kinerja – Siti Rahmawati – Dinas Kesehatan – Triwulan I 2026.pdf"
        let tokens = MIMEParameter.tokens(name: "filename", value: name, isLast: true)
        #expect(tokens.count > 1)
        #expect(tokens[0].hasPrefix("filename*0*=UTF-8''"))
        #expect(tokens[1].hasPrefix("filename*1*="))
        #expect(tokens.dropLast().allSatisfy { $0.hasSuffix(";") } && !tokens[tokens.count - 1].hasSuffix(";"))
        // No %XX triplet is split across sections.
        for token in tokens {
            let value = token.split(separator: "=", maxSplits: 1)[1]
            #expect(!value.hasSuffix("%") && !value.dropLast().hasSuffix("%"))
        }
    }

    @Test func dateInUTCAndInTheTenantsOffset() throws {
        #expect(MailDate.format(MailFixtures.date, offsetSeconds: 0) == "Wed, 25 Nov 2026 02:30:00 +0000")
        let jakarta = try #require(TimeZone(identifier: "Asia/Jakarta"))
        #expect(MailDate.format(MailFixtures.date, offsetSeconds: jakarta.secondsFromGMT(for: MailFixtures.date))
                == "Wed, 25 Nov 2026 09:30:00 +0700")
        #expect(MailDate.format(Date(timeIntervalSince1970: 951_825_600), offsetSeconds: -5 * 3600 - 1800)
                == "Tue, 29 Feb 2000 06:30:00 -0530")
        #expect(MailDate.format(Date(timeIntervalSince1970: 0), offsetSeconds: 0) == "Thu, 1 Jan 1970 00:00:00 +0000")
    }

    @Test func displayNamesAreAtomsQuotedOrEncoded() throws {
        let plain = try MailAddress("a@karawang.example", name: "BKPSDM Karawang")
        let special = try MailAddress("a@karawang.example", name: "Rahmawati, Siti \"Ani\"")
        let unicode = try MailAddress("a@karawang.example", name: "Dinas Pendidikan – Bidang SMP")
        #expect(HeaderField.addresses("To", [plain, special, unicode]).render().text == """
            To: BKPSDM Karawang <a@karawang.example>,\r
             "Rahmawati, Siti \\"Ani\\"" <a@karawang.example>,\r
             =?UTF-8?Q?Dinas_Pendidikan_=E2=80=93_Bidang_SMP?= <a@karawang.example>\r

            """)
    }

    /// Decodes an RFC 2047 "Q" payload; nil when the bytes are not UTF-8.
    private func decodeQ(_ payload: String) -> String? {
        let u = Array(payload.utf8)
        var bytes: [UInt8] = []
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "="), i + 2 < u.count {
                bytes.append(UInt8(String(decoding: u[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) ?? 0)
                i += 3
            } else {
                bytes.append(u[i] == UInt8(ascii: "_") ? 32 : u[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}
