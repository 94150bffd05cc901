import Foundation
import Testing
import TestSupport
@testable import PDF

@Suite struct PDFDocumentTests {
    @Test func shortDocumentPassesQpdfAndReadsBack() throws {
        var doc = PDFDocument(title: "Evaluasi Kinerja Tahunan", creationDate: fixedDate)
        doc.header = "PEMERINTAH KABUPATEN TANAH LAUT"
        doc.footer = "Kode verifikasi: ABCD-1234 — periksa di /v1/verify/ABCD-1234"
        doc.add(.heading("EVALUASI KINERJA PEGAWAI"))
        doc.add(.paragraph("Dokumen ini memuat hasil evaluasi kinerja pegawai."))
        doc.add(.keyValues([("Nama", "Budi Santoso"), ("NIP", "198503122010011001")]))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        #expect(try pdf.pageCount() == 1)
        let text = try pdf.flatText()
        for expected in ["PEMERINTAH KABUPATEN TANAH LAUT", "EVALUASI KINERJA PEGAWAI", "Nama : Budi Santoso",
                         "NIP : 198503122010011001", "Halaman 1 dari 1",
                         "Kode verifikasi: ABCD-1234 — periksa di /v1/verify/ABCD-1234"] {
            #expect(text.contains(expected), "missing \(expected) in \(text)")
        }
    }

    @Test func fileStructure() throws {
        var doc = PDFDocument(title: "Judul “é”", creationDate: fixedDate, producer: "Kinerja test")
        doc.add(.paragraph("x"))
        let bytes = doc.render()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix("%PDF-1.4\n"))
        #expect(text.hasSuffix("%%EOF\n"))
        #expect(text.contains("/CreationDate (D:20260131030405Z)"))
        #expect(text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
        #expect(text.contains("/MediaBox [0 0 595.28 841.89]"))

        // startxref points at the xref keyword, and every in-use entry at "n 0 obj".
        let startxref = try #require(text.range(of: "startxref\n", options: .backwards))
        let offsetText = text[startxref.upperBound...].prefix { $0.isNumber }
        let xrefOffset = try #require(Int(offsetText))
        #expect(Array(bytes[xrefOffset..<(xrefOffset + 4)]) == Array("xref".utf8))
        let table = String(decoding: bytes[xrefOffset...], as: UTF8.self)
        let lines = table.components(separatedBy: "\r\n")
        let header = table.split(separator: "\n").prefix(2)
        let size = try #require(Int(header.last?.split(separator: " ").last ?? ""))
        for number in 1..<size {
            // Entries are 20 bytes: the first begins right after "xref\n0 N\n".
            let entryStart = xrefOffset + header.map { $0.utf8.count + 1 }.reduce(0, +) + 20 * number
            let entry = String(decoding: bytes[entryStart..<(entryStart + 20)], as: UTF8.self)
            #expect(entry.hasSuffix(" 00000 n\r\n"))
            let offset = try #require(Int(entry.prefix(10)))
            let objectHeader = String(decoding: bytes[offset..<(offset + "\(number) 0 obj".utf8.count)], as: UTF8.self)
            #expect(objectHeader == "\(number) 0 obj")
        }
        #expect(lines.first?.hasSuffix("0000000000 65535 f") == true)
    }

    @Test func sameInputSameBytes() {
        var doc = PDFDocument(title: "T", creationDate: fixedDate)
        doc.add(.paragraph("Hasil kerja"))
        #expect(doc.render() == doc.render())
    }

    @Test func indonesianTextWithQuotesAccentsAndDashes() throws {
        var doc = PDFDocument(title: "Keberatan", creationDate: fixedDate)
        let sentence = "Pegawai menyatakan “keberatan” atas predikat – menurut Pasal 35 — résumé café € 5 … ‘ok’ • butir"
        doc.add(.paragraph(sentence))
        doc.add(.paragraph("Karakter 漢字 dan 😀 tidak dapat dicetak."))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let text = try pdf.flatText()
        #expect(text.contains(sentence), "\(text)")
        #expect(text.contains("Karakter ?? dan ? tidak dapat dicetak."), "\(text)")
    }

    @Test func parenthesesAndBackslashesSurvive() throws {
        var doc = PDFDocument(title: "(judul) \\ test", creationDate: fixedDate)
        doc.add(.paragraph("RHK (penugasan dari Bupati) C:\\data\\skp ((x)) ) ( \\"))
        doc.add(.table(PDFTable(columns: [.flexible(1)], header: ["Kolom (1)"], rows: [["a\\b (c"]])))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let text = try pdf.flatText()
        #expect(text.contains("RHK (penugasan dari Bupati) C:\\data\\skp ((x)) ) ( \\"), "\(text)")
        #expect(text.contains("Kolom (1)"))
        #expect(text.contains("a\\b (c"))
    }

    @Test func longUnbreakableWordsWrapInsideTheFrame() throws {
        var doc = PDFDocument(title: "Panjang", creationDate: fixedDate)
        let word = String(repeating: "1985031220100110", count: 12)
        doc.add(.paragraph(word))
        doc.add(.table(PDFTable(columns: [.fixed(40), .flexible(1)], header: ["No", "Uraian"],
                                rows: [["1", word]])))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let pages = try pdf.pages()
        // The digits all come back, over more than one line each time.
        let digits = pages.joined().filter(\.isNumber)
        #expect(digits.contains(word + word) || digits.components(separatedBy: "1985031220100110").count - 1 == 24)
        let lines = pages.joined().split(separator: "\n").filter { $0.contains("19850312") }
        #expect(lines.count >= 4)
    }

    @Test func headingIsKeptWithWhatFollows() throws {
        var doc = PDFDocument(title: "Judul", creationDate: fixedDate)
        // 55 lines of 12.5 pt and a 6 pt gap leave 34.39 pt: room for the heading (15 pt) but
        // not for the heading and three lines after it.
        doc.add(.paragraph((1...55).map { "baris \($0)" }.joined(separator: "\n")))
        doc.add(.heading("JUDUL BAGIAN"))
        doc.add(.paragraph("Isi bagian."))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let pages = try pdf.pages()
        #expect(pages.count == 2)
        #expect(pages[0].contains("baris 55"))
        #expect(!pages[0].contains("JUDUL BAGIAN"))
        #expect(pages.last?.contains("JUDUL BAGIAN") == true)
    }

    @Test func splitLineAndKeyValuesWrap() throws {
        var doc = PDFDocument(title: "Baris", creationDate: fixedDate)
        let left = "PEMERINTAH KABUPATEN TANAH LAUT BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
        let right = "PERIODE PENILAIAN: 1 JANUARI SD 31 DESEMBER TAHUN 2025"
        doc.add(.splitLine(left: left, right: right))
        doc.add(.keyValues([("Jabatan", String(repeating: "Pranata Komputer Ahli Pertama ", count: 6)),
                            ("Unit Kerja", "BKPSDM")]))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let lines = try pdf.pages()[0].split(separator: "\n")
        // Too long for one line together: each half wraps, both start on the first line.
        let first = try #require(lines.first { $0.contains("PEMERINTAH") })
        #expect(first.contains("PERIODE PENILAIAN"))
        #expect(try pdf.flatText().contains("Unit Kerja : BKPSDM"))
        #expect(lines.filter { $0.contains("Pranata Komputer") }.count >= 2)
    }

    @Test func emptyDocumentHasOnePage() throws {
        let doc = PDFDocument(title: "Kosong", creationDate: fixedDate)
        #expect(doc.pageCount == 1)
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }
        try pdf.expectValid()
        #expect(try pdf.pageCount() == 1)
        #expect(try pdf.flatText().contains("Halaman 1 dari 1"))
    }
}
