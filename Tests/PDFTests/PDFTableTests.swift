import Foundation
import Testing
import TestSupport
@testable import PDF

@Suite struct PDFTableTests {
    static func rhk(_ number: Int) -> String {
        "RHK-\(number < 10 ? "00" : number < 100 ? "0" : "")\(number)"
    }

    @Test func longTableRepeatsItsHeaderOnEveryPage() throws {
        var doc = PDFDocument(title: "SKP", creationDate: fixedDate)
        doc.header = "PEMERINTAH KABUPATEN TANAH LAUT"
        doc.footer = "Kode verifikasi: ABCD-1234"
        doc.add(.heading("SASARAN KINERJA PEGAWAI"))
        let rows = (1...120).map { n in
            ["\(n)", "\(Self.rhk(n)) Terlaksananya pelayanan administrasi kepegawaian", "12 laporan"]
        }
        doc.add(.table(PDFTable(columns: [.fixed(28), .flexible(3), .flexible(1)],
                                header: ["NO", "RENCANA HASIL KERJA", "TARGET"], rows: rows)))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let pageCount = try pdf.pageCount()
        #expect(pageCount == doc.pageCount)
        #expect(pageCount == 3)
        let pages = try pdf.pages()
        #expect(pages.count == pageCount)
        for (index, page) in pages.enumerated() {
            let flat = page.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            #expect(flat.contains("NO RENCANA HASIL KERJA TARGET"), "page \(index + 1) lacks the header row")
            #expect(flat.contains("Halaman \(index + 1) dari \(pageCount)"))
            #expect(flat.contains("PEMERINTAH KABUPATEN TANAH LAUT"))
            #expect(flat.contains("Kode verifikasi: ABCD-1234"))
        }
        // Every row exactly once, in order, none lost at a page break.
        let all = try pdf.flatText()
        var searchFrom = all.startIndex
        for n in 1...120 {
            let label = Self.rhk(n)
            #expect(all.components(separatedBy: label).count == 2, "\(label) not exactly once")
            if let found = all.range(of: label, range: searchFrom..<all.endIndex) {
                searchFrom = found.upperBound
            } else {
                Issue.record("\(label) out of order")
            }
        }
    }

    @Test func rowsThatFitAPageAreNeverSplit() throws {
        var doc = PDFDocument(title: "Baris", creationDate: fixedDate)
        // Each row has five lines in its second cell; 40 such rows span several pages.
        let rows = (1...40).map { n in
            ["\(n)", (1...5).map { "baris\(n)x\($0)" }.joined(separator: "\n")]
        }
        doc.add(.table(PDFTable(columns: [.fixed(30), .flexible(1)], header: ["NO", "URAIAN"], rows: rows)))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let pages = try pdf.pages()
        #expect(pages.count > 1)
        for n in 1...40 {
            let holding = pages.indices.filter { pages[$0].contains("baris\(n)x1 ") || pages[$0].contains("baris\(n)x1\n") }
            let holdingLast = pages.indices.filter { pages[$0].contains("baris\(n)x5") }
            #expect(holding.count == 1 && holding == holdingLast, "row \(n) split: \(holding) \(holdingLast)")
        }
    }

    @Test func rowTallerThanAPageIsSplitNotClipped() throws {
        var doc = PDFDocument(title: "Tinggi", creationDate: fixedDate)
        let tall = (1...150).map { "catatan nomor \($0)" }.joined(separator: "\n")
        doc.add(.paragraph("Sebelum tabel."))
        doc.add(.table(PDFTable(columns: [.fixed(30), .flexible(1)], header: ["NO", "CATATAN"],
                                rows: [["1", "pendek"], ["2", tall], ["3", "setelah"]])))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let pages = try pdf.pages()
        #expect(pages.count == 3)
        let text = try pdf.flatText()
        for n in 1...150 {
            #expect(text.components(separatedBy: "catatan nomor \(n) ").count == 2, "line \(n)")
        }
        #expect(text.contains("setelah"))
        for page in pages {
            #expect(page.split(whereSeparator: \.isWhitespace).joined(separator: " ").contains("NO CATATAN"))
        }
    }

    @Test func minimumHeightAndHeavyBorder() {
        var doc = PDFDocument(title: "Catatan", creationDate: fixedDate)
        doc.add(.table(PDFTable(columns: [.fixed(30), .flexible(1)], rows: [
            PDFTableRow(["5", "CATATAN/REKOMENDASI"], minHeight: 85),
            PDFTableRow(["", PDFTableCell("Baik", heavyBorder: true)]),
        ])))
        let content = doc.layoutPages().map { String(decoding: $0.content, as: UTF8.self) }.joined()
        // 85 pt at 9 pt text: ceil((85 - 5) / 11.25) = 8 lines, 8 × 11.25 + 5 = 95 pt.
        #expect(content.contains(" 95 re S"))
        #expect(content.contains("2 w "))
    }

    @Test(arguments: [
        ([PDFTable.Column.fixed(20), .flexible(1), .flexible(3)], 100.0, [20.0, 20, 60]),
        ([.fixed(30), .fixed(70)], 100.0, [30.0, 70]),
        ([.fixed(150), .fixed(50)], 100.0, [75.0, 25]),          // scaled to fit
        ([.fixed(150), .flexible(1)], 100.0, [100.0, 0]),
        ([.flexible(1), .flexible(1), .flexible(2)], 200.0, [50.0, 50, 100]),
    ])
    func columnWidths(columns: [PDFTable.Column], width: Double, expected: [Double]) {
        #expect(PDFTable(columns: columns, rows: []).columnWidths(for: width) == expected)
    }

    @Test func sectionRowsSpansAndAlignment() throws {
        var doc = PDFDocument(title: "Evaluasi", creationDate: fixedDate)
        doc.pageSize = .a4Landscape
        let columns: [PDFTable.Column] = [.fixed(28), .flexible(2), .flexible(2), .fixed(60), .flexible(2), .fixed(70)]
        let numbers = PDFTableRow((1...6).map { PDFTableCell("(\($0))", bold: true, alignment: .center) }, shaded: true)
        let header = PDFTableRow(["NO", "RENCANA HASIL KERJA PIMPINAN YANG DIINTERVENSI", "RENCANA HASIL KERJA",
                                  "ASPEK", "INDIKATOR KINERJA INDIVIDU", "TARGET"].map { PDFTableCell($0, alignment: .center) })
        let table = PDFTable(columns: columns, header: [header, numbers], rows: [
            .section("A. UTAMA", columnCount: 6),
            PDFTableRow(["1", "Meningkatnya kualitas layanan", "Terlaksananya layanan", "Kuantitas",
                         "Jumlah laporan", PDFTableCell("12 laporan", alignment: .right)]),
            PDFTableRow(["", "", "", "Kualitas", "Persentase kesesuaian", "100 %"]),
            .section("B. TAMBAHAN", columnCount: 6),
            PDFTableRow([PDFTableCell("-", span: 6, alignment: .center)]),
            PDFTableRow(["2", "baris pendek"]),  // missing cells print empty
        ])
        doc.add(.table(table))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["(1) (2) (3) (4) (5) (6)", "A. UTAMA", "B. TAMBAHAN", "12 laporan", "Kualitas", "baris pendek"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(String(decoding: doc.render(), as: UTF8.self).contains("/MediaBox [0 0 841.89 595.28]"))
    }
}
