import Testing
@testable import PDF

@Suite struct WinAnsiTests {
    @Test(arguments: [
        ("abc", [0x61, 0x62, 0x63]),
        ("é", [0xE9]),
        ("e\u{0301}", [0xE9]),  // composed before encoding
        ("“kinerja”", [0x93, 0x6B, 0x69, 0x6E, 0x65, 0x72, 0x6A, 0x61, 0x94]),
        ("‘’–—•€…", [0x91, 0x92, 0x96, 0x97, 0x95, 0x80, 0x85]),
        ("Š š Ž ž Œ œ Ÿ ™", [0x8A, 0x20, 0x9A, 0x20, 0x8E, 0x20, 0x9E, 0x20, 0x8C, 0x20, 0x9C, 0x20, 0x9F, 0x20, 0x99]),
        ("\u{00A0}ÿ", [0xA0, 0xFF]),
        ("a\tb", [0x61, 0x20, 0x62]),
        ("a\nb\r\nc", [0x61, 0x0A, 0x62, 0x0A, 0x63]),
        ("a\rb", [0x61, 0x0A, 0x62]),
    ] as [(String, [UInt8])])
    func encodes(text: String, bytes: [UInt8]) {
        #expect(WinAnsi.encode(text) == bytes)
    }

    @Test(arguments: ["漢", "😀", "Ω", "ł", "\u{07}", "\u{7F}", "\u{81}", "👍🏽", "ḁ"])
    func unencodableBecomesQuestionMark(text: String) {
        #expect(WinAnsi.encode(text) == [0x3F])
    }

    @Test func oneBytePerCharacter() {
        let text = "Budi “Santoso” – NIP 1985 😀 café"
        #expect(WinAnsi.encode(text).count == text.count)
    }

    /// Printable ASCII, tab and LF take the fast path; it must say what the character-by-character
    /// encoding says (NFC and WinAnsi are both identity there, tab a space).
    @Test func asciiTextEncodesAsEachCharacterWould() {
        let text = String((0x20...0x7E).map { Character(Unicode.Scalar(UInt8($0))) }) + "\t\nNIP 19850312 201001 1 003\n"
        #expect(WinAnsi.encode(text) == text.map { WinAnsi.encode($0) })
        #expect(WinAnsi.encode(text).count == text.count)
    }

    @Test func decodeInvertsEncode() {
        let text = "Penilaian “Baik” – €5 … café"
        #expect(WinAnsi.decode(WinAnsi.encode(text)) == text)
    }
}
