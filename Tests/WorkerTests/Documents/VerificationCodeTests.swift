import Persistence
import Testing

@Suite struct VerificationCodeTests {
    @Test(arguments: [("ABCD-EF23", "ABCD-EF23"), ("abcd-ef23", "ABCD-EF23"), ("ABCDEF23", "ABCD-EF23"),
                      ("zzzz9999", "ZZZZ-9999")])
    func acceptsWhatPeopleType(input: String, printed: String) {
        #expect(VerificationCode(input)?.text == printed)
    }

    @Test(arguments: ["", "ABCD-EF2", "ABCD-EF234", "ABCD_EF23", "ABC-DEF23", "ABCD-EF20", "ABCD-EFO3", "ABCD-EF13",
                      "ABCD-EFI3", "ÄBCD-EF23", "ABCD EF23", "../../etc"])
    func rejectsMalformedAndAmbiguousCodes(input: String) {
        #expect(VerificationCode(input) == nil)
    }

    @Test func randomCodesAreWellFormedAndDistinct() throws {
        var seen = Set<String>()
        for _ in 0..<2_000 {
            let code = try VerificationCode.random()
            #expect(VerificationCode(code.text) == code)
            #expect(!code.text.contains { "0O1I".contains($0) })
            seen.insert(code.text)
        }
        #expect(seen.count == 2_000)
    }
}
