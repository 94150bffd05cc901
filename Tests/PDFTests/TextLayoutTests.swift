import Testing
@testable import PDF

@Suite struct TextLayoutTests {
    // Helvetica 10 pt: a = b = 5.56 pt, c = 5.00 pt, space = 2.78 pt.
    // "aaa" = 16.68, "aaa bbb" = 36.14, "aaa bbb ccc" = 53.92.
    @Test(arguments: [
        ("aaa bbb ccc", 100.0, ["aaa bbb ccc"]),
        ("aaa bbb ccc", 53.92, ["aaa bbb ccc"]),          // exactly fits
        ("aaa bbb ccc", 53.91, ["aaa bbb", "ccc"]),
        ("aaa bbb ccc", 36.14, ["aaa bbb", "ccc"]),
        ("aaa bbb ccc", 36.13, ["aaa", "bbb ccc"]),         // "bbb ccc" is 34.46
        ("aaa bbb ccc", 34.45, ["aaa", "bbb", "ccc"]),
        ("aaaaaa bb", 20.0, ["aaa", "aaa", "bb"]),         // long word broken, then wrapped
        ("aaaaaa b", 30.0, ["aaaaa", "a b"]),              // the last piece takes the next word
        ("ab", 0.0, ["a", "b"]),                           // at least one character per line
        ("a\n\nb", 100.0, ["a", "", "b"]),                 // hard breaks, empty line kept
        ("  a   b  ", 100.0, ["a b"]),                     // spaces collapse
        ("", 100.0, [""]),
        ("“aaa” – bbb", 30.0, ["“aaa”", "– bbb"]),         // “aaa” – is 31.68, – bbb is 25.02
    ] as [(String, Double, [String])])
    func wrapsHelvetica10(text: String, width: Double, lines: [String]) {
        #expect(TextLayout.wrap(text, font: .helvetica, size: 10, width: width) == lines)
    }

    @Test func boldIsWider() {
        // "iiii iiii" is 20.54 pt in Helvetica and 25.02 pt in Helvetica-Bold at 10 pt.
        #expect(TextLayout.wrap("iiii iiii", font: .helvetica, size: 10, width: 21) == ["iiii iiii"])
        #expect(TextLayout.wrap("iiii iiii", font: .helveticaBold, size: 10, width: 21) == ["iiii", "iiii"])
    }

    @Test func everyLineFits() {
        let text = String(repeating: "Pegawai yang dinilai wajib menyusun SKP 198503122010011001 ", count: 20)
        for width in stride(from: 15.0, through: 300, by: 17) {
            for line in TextLayout.wrap(text, font: .helvetica, size: 9, width: width) where line.count > 1 {
                #expect(PDFFont.helvetica.width(of: line, size: 9) <= width + 1e-6)
            }
        }
    }
}
