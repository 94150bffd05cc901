import Foundation
import Testing
@testable import Postgres

/// The byte-level parsers and the statement cache, without a server.
struct PostgresTextTests {
    func split(_ text: String) -> [String?]? {
        var copy = text
        return copy.withUTF8 { PostgresArrayLiteral.split(UnsafeRawBufferPointer($0)) }?.map { $0.map { String(decoding: $0, as: UTF8.self) } }
    }

    @Test func arrayLiterals() {
        #expect(split("{}") == [])
        #expect(split("{a,b}") == ["a", "b"])
        #expect(split(#"{"",NULL,"NULL",null,"a,b","q\"uote","back\\slash"}"#) == ["", nil, "NULL", nil, "a,b", "q\"uote", "back\\slash"])
        #expect(split("[0:1]={x,y}") == ["x", "y"])
        #expect(split("{{1,2},{3,4}}") == nil)
        #expect(split("{a,b") == nil)
        #expect(split(#"{"open}"#) == nil)
        #expect(split("{a}x") == nil)
    }

    @Test func arrayEncodingQuotesEverything() {
        var bytes: [UInt8] = []
        PostgresArrayLiteral.encode(["a", "b\"c", "d\\e"] as [String?] + [nil], into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == #"{"a","b\"c","d\\e",NULL}"#)
    }

    @Test(arguments: [("0", Int64(0)), ("-9223372036854775808", Int64.min), ("9223372036854775807", Int64.max), ("+5", 5)])
    func integers(_ text: String, _ value: Int64) {
        var copy = text
        #expect(copy.withUTF8 { PostgresText.parseInt64(UnsafeRawBufferPointer($0)) } == value)
        var out: [UInt8] = []
        PostgresText.appendInteger(value, to: &out)
        #expect(Int64(String(decoding: out, as: UTF8.self)) == value)
    }

    @Test(arguments: ["", "-", "9223372036854775808", "1x", " 1"])
    func badIntegers(_ text: String) {
        var copy = text
        #expect(copy.withUTF8 { PostgresText.parseInt64(UnsafeRawBufferPointer($0)) } == nil)
    }

    @Test(arguments: [("2024-01-02 03:04:05.123456+00", Int64(1_704_164_645_123_456)), ("2024-01-02 10:04:05+07", 1_704_164_645_000_000),
                      ("2024-01-02 08:34:05.5+05:30", 1_704_164_645_500_000), ("1969-12-31 23:59:59.999999+00", -1),
                      ("12345-01-01 00:00:00+00", 327_403_382_400_000_000)])
    func timestamps(_ text: String, _ micros: Int64) {
        var copy = text
        #expect(copy.withUTF8 { Date.parseMicroseconds(UnsafeRawBufferPointer($0)) } == micros)
    }

    @Test(arguments: ["infinity", "2024-01-02 03:04:05", "2024-01-02 03:04:05.1234567+00", "2024-02-30 00:00:00+00"])
    func badTimestamps(_ text: String) {
        var copy = text
        #expect(copy.withUTF8 { Date.parseMicroseconds(UnsafeRawBufferPointer($0)) } == nil)
    }

    @Test func statementCacheEvictsLeastRecentlyUsed() {
        var cache = PreparedStatementCache(capacity: 2)
        let a = cache.insert("A", types: [])
        let b = cache.insert("B", types: [])
        #expect(a.evicted.isEmpty && b.evicted.isEmpty && a.name != b.name)
        #expect(cache.lookup("A", types: []) == a.name)  // A is now the most recent
        let c = cache.insert("C", types: [])
        #expect(c.evicted == [b.name])
        #expect(cache.lookup("B", types: []) == nil)
        #expect(cache.lookup("A", types: [25]) == nil)  // other parameter types: a miss
        let a2 = cache.insert("A", types: [25])
        #expect(a2.evicted == [a.name] && a2.name != a.name && cache.count == 2)
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(cache.insert("A", types: []).name != a2.name)  // names are never reused
    }
}
