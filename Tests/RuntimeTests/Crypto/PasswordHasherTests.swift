import Testing
@testable import Runtime

@Suite struct PasswordHasherTests {
    @Test func productionDefaultIsOWASP() {
        #expect(PasswordHasher().iterations == 600_000)
    }

    @Test func hashIsSelfDescribingAndVerifies() throws {
        let hasher = PasswordHasher(iterations: 1_000)
        let stored = try hasher.hash("kata sandi yang panjang")
        let parts = stored.split(separator: "$")
        #expect(parts.count == 4)
        #expect(parts[0] == "pbkdf2-sha256" && parts[1] == "1000")
        #expect(hasher.verify("kata sandi yang panjang", against: stored) == .match(needsRehash: false))
        #expect(hasher.verify("kata sandi yang panjanG", against: stored) == .mismatch)
    }

    @Test func saltsDiffer() throws {
        let hasher = PasswordHasher(iterations: 1_000)
        #expect(try hasher.hash("sama") != hasher.hash("sama"))
    }

    @Test func olderCostStillVerifiesAndAsksForRehash() throws {
        let old = try PasswordHasher(iterations: 1_000).hash("rahasia-lama-123")
        let current = PasswordHasher(iterations: 2_000)
        #expect(current.verify("rahasia-lama-123", against: old) == .match(needsRehash: true))
    }

    /// A hash computed independently: PBKDF2-HMAC-SHA256("password", "salt", 4096, 32).
    @Test func verifiesAKnownVector() {
        let salt = Base64URL.encode(Array("salt".utf8))
        let hash = Base64URL.encode(Hex.decode("c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a") ?? [])
        let stored = "pbkdf2-sha256$4096$\(salt)$\(hash)"
        #expect(PasswordHasher(iterations: 4096).verify("password", against: stored) == .match(needsRehash: false))
    }

    @Test(arguments: ["", "plain", "md5$x$y$z", "pbkdf2-sha256$0$AA$AA", "pbkdf2-sha256$10$!!$AA", "pbkdf2-sha256$10$AA$"])
    func malformedHashesNeverMatch(stored: String) {
        #expect(PasswordHasher(iterations: 10).verify("", against: stored) == .mismatch)
    }
}
