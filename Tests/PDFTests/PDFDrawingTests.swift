import Foundation
import Testing
import TestSupport
@testable import PDF

@Suite struct PDFDrawingTests {
    /// The distribution curve of documents.md §5: axes, ticks, a smooth curve, a vertical label.
    static func curve() -> PDFDrawing {
        let ticks = ["Sangat Kurang", "Kurang/ Misconduct", "Butuh Perbaikan", "Baik", "Sangat Baik"]
        var elements: [PDFDrawing.Element] = [
            .path([.move(x: 40, y: 190), .line(x: 40, y: 30), .line(x: 460, y: 30)], lineWidth: 1),
            .path([.move(x: 40, y: 40), .curve(c1x: 200, c1y: 40, c2x: 260, c2y: 180, x: 330, y: 180),
                   .curve(c1x: 400, c1y: 180, c2x: 420, c2y: 60, x: 460, y: 50)], lineWidth: 1.5),
            .text("Frekuensi Pegawai", x: 25, y: 110, alignment: .center, vertical: true),
            .text("Predikat Kinerja Pegawai", x: 250, y: 2, font: .helveticaBold, alignment: .center),
            .rect(x: 0, y: 0, width: 480, height: 200),
        ]
        for (index, tick) in ticks.enumerated() {
            elements.append(.text(tick, x: 82 + Double(index) * 84, y: 18, size: 7, alignment: .center))
        }
        return PDFDrawing(height: 200, elements: elements)
    }

    @Test func distributionCurve() throws {
        var doc = PDFDocument(title: "Kurva", creationDate: fixedDate)
        doc.add(.heading("KURVA DISTRIBUSI PREDIKAT KINERJA PEGAWAI DENGAN\nCAPAIAN KINERJA ORGANISASI BAIK"))
        doc.add(.drawing(Self.curve()))
        doc.add(.paragraph("Setelah kurva."))
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }
        if let directory = ProcessInfo.processInfo.environment["KINERJA_PDF_SAMPLE_DIR"] {
            try Data(doc.render()).write(to: URL(fileURLWithPath: directory).appendingPathComponent("kurva.pdf"))
        }

        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in ["Predikat Kinerja Pegawai", "Sangat Kurang", "Butuh Perbaikan", "Sangat Baik", "Setelah kurva."] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        let content = doc.layoutPages().map { String(decoding: $0.content, as: UTF8.self) }.joined()
        #expect(content.contains(" c S\n"))
        #expect(content.contains("Tf 0 1 -1 0 "))
    }

    @Test func drawingThatDoesNotFitMovesToTheNextPage() throws {
        var doc = PDFDocument(title: "Kurva", creationDate: fixedDate)
        doc.add(.paragraph("Di halaman pertama."))
        doc.add(.spacer(600))  // leaves about 109 pt, the drawing needs 200
        doc.add(.drawing(Self.curve()))
        #expect(doc.pageCount == 2)
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }
        try pdf.expectValid()
        let pages = try pdf.pages()
        #expect(pages.count == 2)
        #expect(pages[1].contains("Sangat Baik"))
    }

    @Test func segmentsStrokeInOrder() {
        var canvas = PDFCanvas()
        canvas.stroke([.line(x: 1, y: 2), .line(x: 3, y: 4), .curve(c1x: 5, c1y: 6, c2x: 7, c2y: 8, x: 9, y: 10)], lineWidth: 1)
        #expect(String(decoding: canvas.content, as: UTF8.self) == "1 w 1 2 m 3 4 l 5 6 7 8 9 10 c S\n")
    }

    /// Every operator as the content stream spells it, numbers with at most two decimals.
    @Test func operatorsAreWrittenAsISO32000SpellsThem() {
        var canvas = PDFCanvas()
        canvas.text(Array("a(b)".utf8), x: 57, y: 493.781, font: .helvetica, size: 10)
        canvas.text([0xE9], x: 1.5, y: -2.25, font: .helveticaBold, size: 8.5, vertical: true)
        canvas.line(x1: 0, y1: 0.5, x2: 100, y2: 0.5, width: 2)
        canvas.strokeRect(x: 57, y: 468.16, width: 112, height: 15.63)
        canvas.fillRect(x: 169, y: 468.16, width: 205.3, height: 15.63, gray: 0.88)
        canvas.stroke([.curve(c1x: 1, c1y: 2, c2x: 3, c2y: 4, x: 5, y: 6), .move(x: 7, y: 8)], lineWidth: 0.25)
        let expected = [
            "BT /F1 10 Tf 1 0 0 1 57 493.78 Tm (a\\(b\\)) Tj ET",
            "BT /F2 8.5 Tf 0 1 -1 0 1.5 -2.25 Tm (\u{E9}) Tj ET",
            "2 w 0 0.5 m 100 0.5 l S",
            "0.5 w 57 468.16 112 15.63 re S",
            "0.88 g 169 468.16 205.3 15.63 re f 0 g",
            "0.25 w 1 2 m 1 2 3 4 5 6 c 7 8 m S",
        ]
        #expect(canvas.content == Array((expected.joined(separator: "\n") + "\n").unicodeScalars.map { UInt8($0.value) }))
    }
}
