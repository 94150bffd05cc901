import Foundation
import Runtime
import Testing

@Suite struct JSONTextTests {
    /// Plain strings take the whole-string path, the others the escaping one; both must read
    /// back as the original through a JSON parser.
    @Test(arguments: ["", "Kabupaten Karawang", "Asia/Jakarta", "å ✓ 𝄞", "a\"b", "a\\b", "line\nbreak\r\t", "\u{0}\u{1f}"])
    func quotedStringsParseBackToTheOriginal(_ value: String) throws {
        let text = JSONText.quoted(value)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed) as? String
        #expect(parsed == value)
    }

    @Test func escapesAreTheShortFormsAndLowercaseHex() {
        #expect(JSONText.quoted("Kabupaten Karawang") == "\"Kabupaten Karawang\"")
        #expect(JSONText.quoted("\"\\\n\r\t\u{1}") == "\"\\\"\\\\\\n\\r\\t\\u0001\"")
    }
}
