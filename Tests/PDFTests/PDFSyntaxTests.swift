import Foundation
import Testing
@testable import PDF

@Suite struct PDFSyntaxTests {
    @Test(arguments: [
        ("(a)", "(\\(a\\))"),
        ("a\\b", "(a\\\\b)"),
        ("((", "(\\(\\()"),
        (")", "(\\))"),
        ("plain", "(plain)"),
        ("a\rb\nc", "(a\\rb\\nc)"),
    ])
    func escapesLiterals(text: String, expected: String) {
        #expect(PDFSyntax.literal(Array(text.utf8)) == Array(expected.utf8))
    }

    @Test func literalKeepsHighBytesRaw() {
        #expect(PDFSyntax.literal([0x93, 0xE9, 0x94]) == [0x28, 0x93, 0xE9, 0x94, 0x29])
    }

    @Test(arguments: [
        (0.0, "0"), (12.0, "12"), (595.28, "595.28"), (841.89, "841.89"), (-3.5, "-3.5"),
        (0.05, "0.05"), (1.005, "1"), (2.999, "3"), (-0.004, "0"), (1e-9, "0"), (123456.7, "123456.7"),
        (Double.nan, "0"), (10.0, "10"), (100.1, "100.1"), (1_000_000.0, "1000000"), (-12.34, "-12.34"), (0.1, "0.1"),
        (7.07, "7.07"), (9.996, "10"), (-0.005, "-0.01"),
    ])
    func formatsNumbers(value: Double, expected: String) {
        #expect(PDFSyntax.number(value) == expected)
    }

    @Test func textStringIsUTF16BEWithBOM() {
        #expect(PDFSyntax.textString("Aé€") == "<FEFF004100E920AC>")
    }

    @Test(arguments: [
        (0, "(D:19700101000000Z)"),
        (1_769_828_645, "(D:20260131030405Z)"),
        (951_782_400, "(D:20000229000000Z)"),
        (-1, "(D:19691231235959Z)"),
    ])
    func formatsDatesInUTC(seconds: Int, expected: String) {
        #expect(PDFSyntax.date(Date(timeIntervalSince1970: Double(seconds))) == expected)
    }
}
