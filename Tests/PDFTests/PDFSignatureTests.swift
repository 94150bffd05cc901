import Foundation
import Testing
import TestSupport
@testable import PDF

@Suite struct PDFSignatureTests {
    @Test func twoAndThreeColumnSignaturesReadBack() throws {
        var doc = PDFDocument(title: "Keberatan", creationDate: fixedDate)
        doc.add(.signatures([
            PDFSignature(role: "Pegawai yang Dinilai", name: "Budi Santoso, S.Kom.", nip: "19850312 201001 1 003"),
            PDFSignature(place: "Pelaihari", date: "31 Januari 2026", role: "Pejabat Penilai Kinerja",
                         name: "Dra. Siti Aminah, M.Si.", nip: "19700101 199503 2 001"),
        ]))
        doc.add(.signatures([
            PDFSignature(role: "Pegawai yang Dinilai", name: "Budi Santoso", nip: "198503122010011003"),
            PDFSignature(role: "Pejabat Penilai Kinerja", name: "Siti Aminah", nip: "197001011995032001"),
            PDFSignature(role: "Atasan Pejabat Penilai Kinerja", name: "Ir. Ahmad Fauzi", nip: "196505051990031002"),
        ]))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["Pelaihari, 31 Januari 2026", "Pegawai yang Dinilai", "Pejabat Penilai Kinerja",
                         "Budi Santoso, S.Kom.", "Dra. Siti Aminah, M.Si.", "NIP. 19850312 201001 1 003",
                         "NIP. 19700101 199503 2 001", "Atasan Pejabat Penilai Kinerja", "Ir. Ahmad Fauzi",
                         "NIP. 196505051990031002"] {
            #expect(text.contains(expected), "missing \(expected) in \(text)")
        }
        // The name is underlined: a stroked line follows the bold name.
        let content = String(decoding: doc.render(), as: UTF8.self)
        #expect(content.contains("(Budi Santoso, S.Kom.) Tj ET\n0.5 w"))
    }

    @Test func signatureBlockMovesWholeToTheNextPage() throws {
        var doc = PDFDocument(title: "Tanda tangan", creationDate: fixedDate)
        for n in 1...58 { doc.add(.text("baris \(n)", size: 10)) }
        doc.add(.signatures([PDFSignature(place: "Pelaihari", date: "31 Januari 2026",
                                          role: "Pejabat Penilai Kinerja", name: "Siti Aminah", nip: "1970")]))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let pages = try pdf.pages()
        #expect(pages.count == 2)
        let last = try #require(pages.last)
        #expect(last.contains("Pelaihari, 31 Januari 2026"))
        #expect(last.contains("Siti Aminah"))
        #expect(last.contains("NIP. 1970"))
        #expect(!pages[0].contains("Pejabat Penilai Kinerja"))
    }
}
