import Foundation
import Testing
@testable import Kinerja

@Suite struct AuditHashingTests {
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

    /// The split the database numbers and hashes (migration 0019) joins back to the canonical
    /// text for any number, also when the before/after values hold keys `seq` and `tenant` of their own.
    @Test(arguments: [
        (Int64(1), nil as JSONValue?, JSONValue.object(["name": .string("A")]) as JSONValue?),
        (Int64(10_000_000_007), JSONValue.object(["seq": .number(0), "tenant": .string("x"), "z": .null]),
         JSONValue.object(["seq": .number(1), "tenant": .string("\",\"seq\":0,")])),
        (Int64(42), JSONValue.string("é \n"), nil),
    ])
    func canonicalJSONAroundSeqJoinsBack(seq: Int64, before: JSONValue?, after: JSONValue?) {
        let tenant = UUID(uuidString: "01935d3a-0000-7000-8000-000000000004") ?? UUID()
        let entry = AuditEntry(tenantID: tenant, seq: seq, at: Date(timeIntervalSince1970: 1_764_038_400.5), actor: "system:test",
                               action: "update", entity: "document", entityID: "d", before: before, after: after)
        let (prefix, suffix) = entry.canonicalJSONAroundSeq
        #expect(prefix + String(seq) + suffix == CanonicalJSON.string(entry.json))
        var other = entry
        other.seq = seq + 1
        #expect(other.canonicalJSONAroundSeq == entry.canonicalJSONAroundSeq)
    }

    @Test func entryHashChainsAndDetectsChange() {
        let tenant = UUID(uuidString: "01935d3a-0000-7000-8000-000000000004") ?? UUID()
        let at = Date(timeIntervalSince1970: 1_764_038_400.123456)
        let first = AuditEntry(tenantID: tenant, seq: 1, at: at, actor: "system:test", action: "create", entity: "employee",
                               entityID: "x", before: nil, after: .object(["name": .string("A")]))
        #expect(AuditEntry.timestamp(first.at) == "2025-11-25T02:40:00.123456Z")
        #expect(CanonicalJSON.string(first.json) ==
            #"{"action":"create","actor":"system:test","after":{"name":"A"},"at":"2025-11-25T02:40:00.123456Z","before":null,"entity":"employee","entityId":"x","seq":1,"tenant":"01935d3a-0000-7000-8000-000000000004"}"#)
        #expect(first.chainInput(previous: AuditEntry.genesisHash) == AuditEntry.genesisHash + CanonicalJSON.bytes(first.json))
        let h1 = toyHash(first.chainInput(previous: AuditEntry.genesisHash))

        var verifier = AuditChainVerifier(hash: toyHash)
        verifier.check(first, previousHash: AuditEntry.genesisHash, hash: h1)
        var second = first
        second.seq = 2
        let h2 = toyHash(second.chainInput(previous: h1))
        second.actor = "user:other"
        verifier.check(second, previousHash: h1, hash: h2)
        #expect(verifier.firstBreak == AuditChainBreak(seq: 2, reason: .hashMismatch))
        #expect(verifier.verifiedCount == 1)
    }
}

/// A stand-in for SHA-256 (the domain links no crypto library; Persistence tests check the real
/// hash against PostgreSQL's sha256()): any change of input changes the output here too.
@Sendable func toyHash(_ bytes: [UInt8]) -> [UInt8] {
    var h = [UInt8](repeating: 0, count: 32)
    for (i, b) in bytes.enumerated() { h[i % 32] = h[i % 32] &* 31 &+ b &+ UInt8(truncatingIfNeeded: i) }
    return h
}
