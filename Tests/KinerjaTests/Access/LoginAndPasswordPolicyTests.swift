import Testing
@testable import Kinerja

@Suite struct LoginNameTests {
    @Test(arguments: [
        ("19850312 201001 1 003", LoginName.nip("198503122010011003")),
        ("198503122010011003", .nip("198503122010011003")),
        ("  Budi.Santoso@Karawangkab.go.id ", .email("budi.santoso@karawangkab.go.id")),
    ])
    func parses(text: String, expected: LoginName) {
        #expect(LoginName(text) == expected)
    }

    @Test(arguments: ["", "   ", "1985031220100110", "19850312201001100x", "a@b", "@x.id", "a b@x.id", "a@x.", "1234567890123456789"])
    func rejects(text: String) {
        #expect(LoginName(text) == nil)
    }
}

@Suite struct PasswordPolicyTests {
    @Test func acceptsALongPassphrase() {
        #expect(PasswordPolicy.violations("kopi tubruk pagi hari", nip: "198503122010011003", email: nil).isEmpty)
    }

    @Test(arguments: [
        ("pendek", [PasswordPolicy.Violation.tooShort]),
        ("sandi198503122010011003", [.containsNIP]),
        ("budisantoso-rahasia", [.containsEmail]),
        (String(repeating: "x", count: 257), [.tooLong]),
    ])
    func refuses(password: String, expected: [PasswordPolicy.Violation]) {
        #expect(PasswordPolicy.violations(password, nip: "198503122010011003", email: "budisantoso@demakkab.go.id") == expected)
    }
}
