import Testing
@testable import PDF

@Suite struct FontMetricsTests {
    @Test func tablesCoverEveryCode() {
        #expect(FontMetrics.helvetica.count == 224)
        #expect(FontMetrics.helveticaBold.count == 224)
    }

    // Spot checks against the Adobe AFM files.
    @Test(arguments: [
        (PDFFont.helvetica, "a", 556), (.helvetica, "i", 222), (.helvetica, "m", 833), (.helvetica, "W", 944),
        (.helvetica, " ", 278), (.helvetica, "@", 1015), (.helvetica, "'", 191), (.helvetica, "é", 556),
        (.helvetica, "—", 1000), (.helvetica, "“", 333), (.helvetica, "€", 556), (.helvetica, "•", 350),
        (.helveticaBold, "a", 556), (.helveticaBold, "i", 278), (.helveticaBold, "m", 889),
        (.helveticaBold, "W", 944), (.helveticaBold, " ", 278), (.helveticaBold, "@", 975),
        (.helveticaBold, "“", 500), (.helveticaOblique, "m", 833),
    ])
    func characterWidths(font: PDFFont, character: String, units: Int) {
        #expect(font.units(of: WinAnsi.encode(character)) == units)
    }

    @Test(arguments: [
        (PDFFont.helvetica, "Kinerja", 10.0, 31.12),
        (.helvetica, "NIP 198503122010011001", 10.0, 119.53),  // NIP 1667, space 278, 18 × 556
        (.helveticaBold, "EVALUASI", 12.0, 60.672),
        (.helvetica, "", 10.0, 0),
    ])
    func stringWidths(font: PDFFont, text: String, size: Double, points: Double) {
        #expect(abs(font.width(of: text, size: size) - points) < 0.005)
    }

    @Test func unitsAreExact() {
        // K667 i222 n556 e556 r333 j222 a556 = 3112
        #expect(PDFFont.helvetica.units(of: WinAnsi.encode("Kinerja")) == 3112)
        // E667 V667 A722 L611 U722 A722 S667 I278 = 5056
        #expect(PDFFont.helveticaBold.units(of: WinAnsi.encode("EVALUASI")) == 5056)
    }
}
