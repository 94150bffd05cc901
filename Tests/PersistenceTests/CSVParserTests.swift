import Testing
@testable import Persistence

@Suite struct CSVParserTests {
    private func parse(_ text: String) throws -> [CSVRecord] {
        try CSVParser.parse(Array(text.utf8))
    }

    @Test func plainLFAndCRLF() throws {
        let expected = [CSVRecord(line: 1, fields: ["a", "b"]), CSVRecord(line: 2, fields: ["1", ""])]
        #expect(try parse("a,b\n1,\n") == expected)
        #expect(try parse("a,b\r\n1,\r\n") == expected)
        #expect(try parse("a,b\r\n1,") == expected)  // no final line break
    }

    @Test func quotesDoubledQuotesAndEmbeddedLineBreaks() throws {
        let records = try parse("nama,catatan\r\n\"Siti, S.Pd\",\"kata \"\"baik\"\"\"\r\n\"Baris\r\ndua\",x\r\nakhir,\"\"\r\n")
        #expect(records == [
            CSVRecord(line: 1, fields: ["nama", "catatan"]),
            CSVRecord(line: 2, fields: ["Siti, S.Pd", "kata \"baik\""]),
            CSVRecord(line: 3, fields: ["Baris\r\ndua", "x"]),
            CSVRecord(line: 5, fields: ["akhir", ""]),  // the quoted line break moved it down a line
        ])
    }

    @Test func byteOrderMarkAndBlankLines() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("kode\n\nA1\n".utf8)
        #expect(try CSVParser.parse(bytes) == [CSVRecord(line: 1, fields: ["kode"]), CSVRecord(line: 3, fields: ["A1"])])
    }

    @Test(arguments: [
        ("a,b\n\"open,x\n", CSVSyntaxError(code: .unterminatedQuote, line: 2, column: 1)),
        ("a,b\nx\"y,z\n", CSVSyntaxError(code: .quoteInUnquotedField, line: 2, column: 1)),
        ("a,b\nok,\"q\"z\n", CSVSyntaxError(code: .textAfterClosingQuote, line: 2, column: 2)),
    ])
    func syntaxErrors(text: String, error: CSVSyntaxError) {
        #expect(throws: error) { try CSVParser.parse(Array(text.utf8)) }
    }

    @Test func invalidUTF8() {
        #expect(throws: CSVSyntaxError(code: .invalidUTF8, line: 1, column: 1)) { try CSVParser.parse([0xff, 0xfe]) }
    }
}
