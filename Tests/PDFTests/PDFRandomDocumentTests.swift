import Foundation
import Testing
import TestSupport
@testable import PDF

/// Documents built from seeded random text and blocks: whatever the content, the file must pass
/// `qpdf --check` and the marker words placed in the text must read back.
@Suite struct PDFRandomDocumentTests {
    /// SplitMix64: small, seedable, so every run builds the same documents.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let alphabet: [String] = [
        "a", "b", "k", "m", "W", "0", "9", " ", " ", " ", "(", ")", "\\", "é", "ü", "“", "”", "–", "—", "€",
        "…", "•", "漢", "😀", "\n", "\t", "%", "/", "<", ">", "[", "]", "{", "}", "#",
    ]

    static func noise(_ random: inout Generator, length: Int) -> String {
        (0..<length).map { _ in alphabet.randomElement(using: &random) ?? "a" }.joined()
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6] as [UInt64])
    func randomDocumentIsValid(seed: UInt64) throws {
        var random = Generator(state: seed)
        var doc = PDFDocument(title: Self.noise(&random, length: 20), creationDate: fixedDate)
        doc.header = Bool.random(using: &random) ? Self.noise(&random, length: 30) : nil
        doc.footer = Bool.random(using: &random) ? Self.noise(&random, length: 60) : nil
        doc.showsPageNumbers = Bool.random(using: &random)
        var markers: [String] = []
        for index in 0..<40 {
            let marker = "Q\(seed)x\(index)"
            switch Int.random(in: 0..<6, using: &random) {
            case 0:
                markers.append(marker)
                doc.add(.paragraph(Self.noise(&random, length: 200) + " \(marker) " + Self.noise(&random, length: 50)))
            case 1:
                doc.add(.heading(Self.noise(&random, length: 40)))
            case 2:
                let columns = Int.random(in: 1...5, using: &random)
                let rows = (0..<Int.random(in: 0...30, using: &random)).map { _ in
                    (0..<columns).map { _ in Self.noise(&random, length: Int.random(in: 0...80, using: &random)) }
                }
                doc.add(.table(PDFTable(columns: (0..<columns).map { _ in .flexible(Double.random(in: 0.5...3, using: &random)) },
                                        header: (0..<columns).map { _ in Self.noise(&random, length: 12) }, rows: rows)))
            case 3:
                doc.add(.signatures((0..<Int.random(in: 1...3, using: &random)).map { _ in
                    PDFSignature(place: Self.noise(&random, length: 8), date: Self.noise(&random, length: 12),
                                 role: Self.noise(&random, length: 30), name: Self.noise(&random, length: 20),
                                 nip: Self.noise(&random, length: 18))
                }))
            case 4:
                markers.append(marker)
                doc.add(.keyValues([(Self.noise(&random, length: 10), "\(marker) " + Self.noise(&random, length: 90))]))
            default:
                doc.add(Bool.random(using: &random) ? .pageBreak : .spacer(Double.random(in: 0...300, using: &random)))
            }
        }
        let pdf = try RenderedPDF(doc)
        defer { pdf.remove() }

        try pdf.expectValid()
        #expect(try pdf.pageCount() == doc.pageCount)
        let words = Set(try pdf.flatText().split(separator: " ").map(String.init))
        #expect(!markers.isEmpty)
        for marker in markers {
            #expect(words.contains(marker), "\(marker) missing")
        }
    }
}
