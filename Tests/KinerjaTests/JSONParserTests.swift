import Foundation
import Testing
@testable import Kinerja

@Suite("JSON parser")
struct JSONParserTests {
    @Test("values", arguments: [
        (#"{"a": [1, -2.5, 1e2, true, false, null]}"#,
         JSONValue.object(["a": .array([.number(1), .number(dec("-2.5")), .number(100), .bool(true), .bool(false), .null])])),
        (#""Kab. \"Tanah\" Laut\n\u00e9\ud83d\ude00""#, .string("Kab. \"Tanah\" Laut\né😀")),
        ("  60.0 ", .number(60)),
        (#"{}"#, .object([:])),
    ])
    func values(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(Data(text.utf8)) == expected)
    }

    @Test("invalid documents", arguments: ["", "01", "1.", "tru", #"{"a" 1}"#, #""\x""#, "[1] 2", #""\ud83d""#, "{\"a\":\u{01}}"])
    func invalid(text: String) {
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test("deep nesting is refused, not a stack overflow")
    func depth() {
        let text = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONParser.SyntaxError.self) { try JSONParser.parse(Data(text.utf8)) }
    }

    @Test("differing paths")
    func differingPaths() throws {
        let a = try JSONParser.parse(Data(#"{"x": {"y": 1, "z": [1, 2]}, "k": "v"}"#.utf8))
        let b = try JSONParser.parse(Data(#"{"x": {"y": 1.0, "z": [1, 3, 4]}, "n": 1}"#.utf8))
        #expect(a.differingPaths(from: b) == ["$.k", "$.n", "$.x.z[1]", "$.x.z[2]"])
    }
}
