import Foundation
import Testing
@testable import Kinerja

@Suite struct AuditHashingTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256KnownVectors(input: String, hex: String) {
        #expect(SHA256.hex(SHA256.hash(Array(input.utf8))) == hex)
    }

    @Test func sha256LongInput() {
        // One million 'a' (FIPS 180-2 appendix B.3).
        let digest = SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))
        #expect(SHA256.hex(digest) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test(arguments: [
        (JSONValue.object(["b": .number(1), "a": .array([.bool(true), .null, .string("x")])]), #"{"a":[true,null,"x"],"b":1}"#),
        (.object(["é": .number(1), "z": .number(2), "Z": .number(3), "aa": .number(4)]), #"{"Z":3,"aa":4,"z":2,"é":1}"#),
        (.string("q\"b\\s/\n\t\u{01}é"), #""q\"b\\s/\n\t\u0001é""#),
        (.number(Decimal(string: "1.50") ?? 0), "1.5"),
        (.number(Decimal(string: "-0.25") ?? 0), "-0.25"),
        (.number(60), "60"),
        (.object(["nested": .object(["y": .null, "x": .object([:])])]), #"{"nested":{"x":{},"y":null}}"#),
    ])
    func canonicalJSON(value: JSONValue, text: String) {
        #expect(CanonicalJSON.string(value) == text)
    }

    @Test func canonicalJSONSurvivesReparsing() throws {
        let value = JSONValue.object(["name": .string("Siti \"Aminah\""), "n": .number(3), "list": .array([.number(1.5)])])
        let text = CanonicalJSON.string(value)
        // What PostgreSQL's jsonb prints back (spaces, its own key order) canonicalises to the same text.
        let reprinted = #"{"n": 3, "list": [1.5], "name": "Siti \"Aminah\""}"#
        #expect(CanonicalJSON.string(try JSONParser.parse(Data(reprinted.utf8))) == text)
    }

    @Test func entryHashChainsAndDetectsChange() {
        let tenant = UUID(uuidString: "01935d3a-0000-7000-8000-000000000004") ?? UUID()
        let at = Date(timeIntervalSince1970: 1_764_038_400.123456)
        let first = AuditEntry(tenantID: tenant, seq: 1, at: at, actor: "system:test", action: "create", entity: "employee",
                               entityID: "x", before: nil, after: .object(["name": .string("A")]))
        #expect(AuditEntry.timestamp(first.at) == "2025-11-25T02:40:00.123456Z")
        #expect(CanonicalJSON.string(first.json) ==
            #"{"action":"create","actor":"system:test","after":{"name":"A"},"at":"2025-11-25T02:40:00.123456Z","before":null,"entity":"employee","entityId":"x","seq":1,"tenant":"01935d3a-0000-7000-8000-000000000004"}"#)
        let h1 = first.hash(previous: AuditEntry.genesisHash)
        #expect(h1 == SHA256.hash(AuditEntry.genesisHash + CanonicalJSON.bytes(first.json)))

        var verifier = AuditChainVerifier()
        verifier.check(first, previousHash: AuditEntry.genesisHash, hash: h1)
        var second = first
        second.seq = 2
        let h2 = second.hash(previous: h1)
        second.actor = "user:other"
        verifier.check(second, previousHash: h1, hash: h2)
        #expect(verifier.firstBreak == AuditChainBreak(seq: 2, reason: .hashMismatch))
        #expect(verifier.verifiedCount == 1)
    }
}
