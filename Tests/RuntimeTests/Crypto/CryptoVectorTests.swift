import Testing
@testable import Runtime

@Suite struct CryptoVectorTests {
    @Test(arguments: [
        // FIPS 180-2 appendix B.1 and the empty string.
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test func hmacSHA256RFC4231Case2() {
        let mac = HMACSHA256.authenticate(Array("what do ya want for nothing?".utf8), key: Array("Jefe".utf8))
        #expect(Hex.encode(mac) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test(arguments: [
        // PBKDF2-HMAC-SHA256 vectors in the style of RFC 6070 (which covers SHA-1).
        ("password", "salt", 1, 32, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b"),
        ("password", "salt", 2, 32, "ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43"),
        ("password", "salt", 4096, 32, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"),
        // RFC 7914 section 11: PBKDF2-HMAC-SHA256 (P="passwd", S="salt", c=1, dkLen=64).
        ("passwd", "salt", 1, 64,
         "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
    ])
    func pbkdf2(password: String, salt: String, iterations: Int, length: Int, expected: String) throws {
        let derived = try PBKDF2.sha256(password: Array(password.utf8), salt: Array(salt.utf8),
                                        iterations: iterations, length: length)
        #expect(Hex.encode(derived) == expected)
    }

    @Test func randomBytesHaveTheLengthAndDiffer() throws {
        let a = try SecureRandom.bytes(32), b = try SecureRandom.bytes(32)
        #expect(a.count == 32 && b.count == 32)
        #expect(a != b)
    }

    @Test func constantTimeEquality() {
        #expect(ConstantTime.equals([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equals([1, 2, 3], [1, 2]))
        #expect(ConstantTime.equals([], []))
    }

    @Test(arguments: [[UInt8](), [0], [0xff, 0xfe], Array(0...255)])
    func base64URLAndHexRoundTrip(bytes: [UInt8]) {
        let text = Base64URL.encode(bytes)
        #expect(!text.contains("=") && !text.contains("+") && !text.contains("/"))
        #expect(Base64URL.decode(text) == bytes)
        #expect(Hex.decode(Hex.encode(bytes)) == bytes)
    }

    @Test func base64URLRejectsOtherAlphabets() {
        #expect(Base64URL.decode("ab+/") == nil)
        #expect(Hex.decode("zz") == nil)
        #expect(Hex.decode("abc") == nil)
    }
}
