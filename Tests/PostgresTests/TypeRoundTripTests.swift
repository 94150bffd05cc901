import Foundation
import Testing
import TestSupport
@testable import Postgres

/// Every supported type goes to the server as a bind and comes back, and the server's own text
/// for it is checked too, so encoder and decoder cannot agree on a wrong format.
@Suite(.requiresDatabase)
struct TypeRoundTripTests {
    func withConnection<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { connection.close() }
        return try body(connection)
    }

    func roundTrip<T: PostgresEncodable & PostgresDecodable & Equatable>(_ value: T, _ connection: PostgresConnection) throws -> T {
        let row = try #require(try connection.query("SELECT \(value)").first)
        return try row.decode(T.self, at: 0)
    }

    /// The server's text for the bound value.
    func serverText<T: PostgresEncodable>(_ value: T, _ connection: PostgresConnection) throws -> String? {
        let row = try #require(try connection.query("SELECT \(value)::text").first)
        return try row.decode(String?.self, at: 0)
    }

    @Test(arguments: [0, 1, -1, 42, Int.max, Int.min])
    func int(_ value: Int) throws {
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            #expect(try roundTrip(Int64(value), c) == Int64(value))
            #expect(try serverText(value, c) == String(value))
        }
    }

    @Test(arguments: [Int32.min, -7, 0, 7, Int32.max])
    func int32(_ value: Int32) throws {
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            let widened = try #require(try c.query("SELECT \(value)::int4").first).decode(Int.self, at: 0)
            #expect(widened == Int(value))
        }
    }

    @Test func bool() throws {
        try withConnection { c throws in
            #expect(try roundTrip(true, c) == true)
            #expect(try roundTrip(false, c) == false)
            #expect(try serverText(true, c) == "true")
        }
    }

    @Test(arguments: [0.0, -0.5, 1.0 / 3.0, 1e300, -1e-300, .infinity, -.infinity, Double.leastNonzeroMagnitude])
    func double(_ value: Double) throws {
        try withConnection { c throws in #expect(try roundTrip(value, c) == value) }
    }

    @Test func doubleNaN() throws {
        try withConnection { c throws in #expect(try roundTrip(Double.nan, c).isNaN) }
    }

    @Test(arguments: ["0", "-1.5", "12345678901234567890.123456789012345678", "-0.000000000000000000000000000000000001",
                      "99999999999999999999999999999999999999", "100000000000000000000000000000000000000000"])
    func decimal(_ text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            // Exact from the server's own numeric text, not via Double.
            let fromServer = try #require(try c.query("SELECT \(unescaped: "'" + text + "'")::numeric").first).decode(Decimal.self, at: 0)
            #expect(fromServer == value)
            #expect(fromServer.description == value.description)
        }
    }

    @Test func decimalBeyondPrecisionIsAnErrorNotARounding() throws {
        try withConnection { c throws in
            let row = try #require(try c.query("SELECT 1.000000000000000000000000000000000000000001::numeric").first)
            #expect(throws: PostgresDecodingError.self) { try row.decode(Decimal.self, at: 0) }
        }
    }

    @Test(arguments: ["", "plain", "Dinas Pendidikan & Kebudayaan", "ünïcødé — 日本語 — 🧑🏽‍💻", "'; DROP TABLE x; --",
                      "quote\"back\\slash", "line\nbreak\ttab"])
    func string(_ value: String) throws {
        try withConnection { c throws in #expect(try roundTrip(value, c) == value) }
    }

    @Test func uuid() throws {
        let value = UUID()
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            #expect(try serverText(value, c) == value.uuidString.lowercased())
            let upper = try #require(try c.query("SELECT 'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11'::uuid").first).decode(UUID.self, at: 0)
            #expect(upper.uuidString == "A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11")
        }
    }

    @Test(arguments: [0.0, 1_700_000_000.123456, -1.000001, 253_402_300_799.999999, 951_782_400.5 /* 2000-02-29 */])
    func timestamptz(_ seconds: Double) throws {
        let value = Date(timeIntervalSince1970: seconds)
        try withConnection { c throws in
            let back = try roundTrip(value, c)
            #expect(abs(back.timeIntervalSince1970 - seconds) < 0.000_000_5)
            let epochMicros = try #require(try c.query("SELECT (extract(epoch FROM \(value)) * 1000000)::int8").first).decode(Int64.self, at: 0)
            #expect(epochMicros == Int64((seconds * 1_000_000).rounded()))
        }
    }

    @Test func timestamptzInAnotherSessionTimeZone() throws {
        try withConnection { c throws in
            try c.simpleQuery("SET TimeZone = 'Asia/Kolkata'")
            let row = try #require(try c.query("SELECT '2024-03-01 10:00:00.000001+00'::timestamptz").first)
            let date = try row.decode(Date.self, at: 0)
            #expect(abs(date.timeIntervalSince1970 - 1_709_287_200.000001) < 0.000_000_5)
        }
    }

    @Test(arguments: ["2024-02-29", "1970-01-01", "0001-01-01", "9999-12-31", "1969-12-31"])
    func civilDate(_ text: String) throws {
        let value = try #require(PostgresDate(text))
        #expect(value.description == text)
        #expect(PostgresDate(daysSinceEpoch: value.daysSinceEpoch) == value)
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            #expect(try serverText(value, c) == text)
        }
    }

    @Test func civilDateRejectsImpossibleDays() {
        #expect(PostgresDate(year: 2023, month: 2, day: 29) == nil)
        #expect(PostgresDate("2024-13-01") == nil)
        #expect(PostgresDate(year: 2024, month: 2, day: 29) != nil)
    }

    @Test func civilDateOfAnInstantDependsOnTheZone() throws {
        let instant = Date(timeIntervalSince1970: 1_704_045_600)  // 2023-12-31 18:00 UTC
        let jakarta = try #require(TimeZone(identifier: "Asia/Jakarta"))
        #expect(PostgresDate(instant, in: jakarta).description == "2024-01-01")
        #expect(PostgresDate(instant, in: .gmt).description == "2023-12-31")
    }

    struct Payload: Codable, Equatable {
        var name: String
        var scores: [Int]
    }

    @Test func jsonb() throws {
        let payload = Payload(name: "Budi \"B\" — ünï", scores: [1, 2, 3])
        try withConnection { c throws in
            let row = try #require(try c.query("SELECT \(try PostgresJSONB(encoding: payload)) AS doc").first)
            #expect(try row.decodeJSON(Payload.self, column: "doc") == payload)
            let raw = try row.decode(PostgresJSONB.self, column: "doc")
            #expect(raw.text.contains("\"scores\": [1, 2, 3]"))  // jsonb's normalised text
            #expect(try row.decode(String.self, column: "doc") == raw.text)
        }
    }

    @Test func bytea() throws {
        let values: [[UInt8]] = [[], [0], [0, 1, 2, 255, 92, 120], Array(0...255)]
        try withConnection { c throws in
            for value in values {
                #expect(try roundTrip(value, c) == value)
            }
            let fromServer = try #require(try c.query("SELECT '\\xdeadbeef'::bytea").first).decode([UInt8].self, at: 0)
            #expect(fromServer == [0xde, 0xad, 0xbe, 0xef])
        }
    }

    /// bytea binds travel in binary among text ones and NULLs: the server sees exactly these
    /// bytes (its own hex of them), each text value next to them intact, in a plain query and in
    /// one sent with COMMIT (pipeline mode).
    @Test func byteaBindsInBinaryBesideTextAndNull() throws {
        let document: [UInt8] = Array("%PDF-1.4\n".utf8) + [0, 0xff, 0x5c, 0x78, 0] + Array(repeating: 0x41, count: 30_000)
        try withConnection { c throws in
            let row = try #require(try c.query("""
                SELECT encode(\(document), 'hex'), \("text ünï"), \([UInt8]?.none) IS NULL, length(\([UInt8]())),
                       encode(\([UInt8]([0])), 'hex'), \(Int64(42))
                """).first)
            let (hex, text, isNull, emptyLength, nul, number) = try row.decode((String, String, Bool, Int, String, Int).self)
            #expect(hex == document.map { String(format: "%02x", $0) }.joined())
            #expect(text == "text ünï" && isNull && emptyLength == 0 && nul == "00" && number == 42)
            try c.execute("CREATE TEMP TABLE binds (label text, bytes bytea)")
            try c.transaction { c in
                try c.deferUntilCommit("INSERT INTO binds VALUES (\("deferred"), \(document))")
            }
            let stored = try #require(try c.query("SELECT label, bytes FROM binds").first)
            #expect(try stored.decode(String.self, at: 0) == "deferred")
            #expect(try stored.decode([UInt8].self, at: 1) == document)
        }
    }

    @Test(arguments: [[String](), [""], ["a", "b c"], ["with,comma", "with\"quote", "back\\slash", "{braces}", "NULL", "null"],
                      ["ünïcødé", " leading and trailing ", "'; DROP TABLE x; --"]])
    func textArray(_ value: [String]) throws {
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            let count = try #require(try c.query("SELECT cardinality(\(value))").first).decode(Int.self, at: 0)
            #expect(count == value.count)
        }
    }

    @Test func textArrayWithNullElements() throws {
        let value: [String?] = ["a", nil, "NULL", nil]
        try withConnection { c throws in
            let back = try #require(try c.query("SELECT \(value)").first).decode([String?].self, at: 0)
            #expect(back == value)
            let nulls = try #require(try c.query("SELECT array_positions(\(value), NULL)").first).decode([Int32].self, at: 0)
            #expect(nulls == [2, 4])
            let row = try #require(try c.query("SELECT ARRAY['x', NULL]::text[] AS tags").first)
            #expect(throws: PostgresDecodingError.self) { try row.decode([String].self, column: "tags") }
        }
    }

    @Test func uuidArray() throws {
        let value = [UUID(), UUID(), UUID()]
        try withConnection { c throws in
            #expect(try roundTrip(value, c) == value)
            #expect(try roundTrip([UUID](), c) == [])
            let withNull: [UUID?] = [value[0], nil]
            #expect(try #require(try c.query("SELECT \(withNull)").first).decode([UUID?].self, at: 0) == withNull)
        }
    }

    @Test func nullsForEveryType() throws {
        try withConnection { c throws in
            let row = try #require(try c.query("""
                SELECT \(Int?.none), \(Int32?.none), \(Bool?.none), \(Double?.none), \(Decimal?.none), \(String?.none),
                       \(UUID?.none), \(Date?.none), \(PostgresDate?.none), \(PostgresJSONB?.none), \([UInt8]?.none),
                       \([String]?.none), \([UUID]?.none)
                """).first)
            let values = try row.decode((Int?, Int32?, Bool?, Double?, Decimal?, String?, UUID?, Date?, PostgresDate?,
                                         PostgresJSONB?, [UInt8]?, [String]?, [UUID]?).self)
            #expect(values.0 == nil && values.1 == nil && values.2 == nil && values.3 == nil && values.4 == nil)
            #expect(values.5 == nil && values.6 == nil && values.7 == nil && values.8 == nil && values.9 == nil)
            #expect(values.10 == nil && values.11 == nil && values.12 == nil)
            // The binds were typed: the server knows each NULL's type.
            let types = try #require(try c.query("SELECT pg_typeof(\(UUID?.none))::text, pg_typeof(\(PostgresDate?.none))::text").first)
            #expect(try types.decode((String, String).self) == ("uuid", "date"))
        }
    }

    @Test func tableRoundTrip() throws {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let c = try PostgresConnection(url: url)
            defer { c.close() }
            try c.simpleQuery("""
                CREATE TABLE everything (id uuid PRIMARY KEY, n int8, small int4, ok bool, ratio float8, amount numeric(30,10),
                  name text, at timestamptz, day date, doc jsonb, blob bytea, tags text[], refs uuid[])
                """)
            let id = UUID()
            let at = Date(timeIntervalSince1970: 1_732_500_000.654321)
            let day = try #require(PostgresDate("2025-06-30"))
            let amount = try #require(Decimal(string: "12345678901234567890.0123456789", locale: Locale(identifier: "en_US_POSIX")))
            try c.execute("""
                INSERT INTO everything VALUES (\(id), \(-5), \(Int32(9)), \(true), \(2.5), \(amount), \("Sri ünï"), \(at), \(day),
                  \(PostgresJSONB(rawJSON: #"{"a": 1}"#)), \([UInt8]([1, 2, 3])), \(["x", "y,z"]), \([id]))
                """)
            let row = try #require(try c.query("SELECT * FROM everything WHERE id = \(id)").first)
            let v = try row.decode((UUID, Int, Int32, Bool, Double, Decimal, String, Date, PostgresDate, PostgresJSONB,
                                    [UInt8], [String], [UUID]).self)
            #expect(v.0 == id && v.1 == -5 && v.2 == 9 && v.3 && v.4 == 2.5 && v.5 == amount && v.6 == "Sri ünï")
            #expect(abs(v.7.timeIntervalSince1970 - at.timeIntervalSince1970) < 0.000_000_5)
            #expect(v.8 == day && v.9.text == #"{"a": 1}"# && v.10 == [1, 2, 3] && v.11 == ["x", "y,z"] && v.12 == [id])
        }
    }
}
