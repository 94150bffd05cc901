import Foundation
import Testing
import TestSupport
@testable import Postgres

@Suite(.requiresDatabase)
struct QueryTests {
    @Test func interpolationBecomesBinds() {
        let id = UUID()
        let name = "x'; DROP TABLE t; --"
        let query: PostgresQuery = "SELECT * FROM \(unescaped: "t") WHERE id = \(id) AND name = \(name) AND n > \(3)"
        #expect(query.sql == "SELECT * FROM t WHERE id = $1 AND name = $2 AND n > $3")
        #expect(query.bindings.count == 3)
        #expect(query.bindings.types == [PostgresDataType.uuid.rawValue, PostgresDataType.text.rawValue, PostgresDataType.int8.rawValue])
        #expect(!query.description.contains("DROP"))  // descriptions never show bind values
    }

    @Test func hostileStringsAreStoredVerbatim() throws {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let c = try PostgresConnection(url: url)
            defer { c.close() }
            try c.simpleQuery("CREATE TABLE x (id int PRIMARY KEY, note text)")
            let hostile = ["'; DROP TABLE x; --", "$1", "\\'); DELETE FROM x; --", "O'Brien \"quoted\""]
            for (i, text) in hostile.enumerated() {
                try c.execute("INSERT INTO x VALUES (\(Int32(i)), \(text))")
            }
            let stored = try c.query("SELECT note FROM x ORDER BY id").map { try $0.decode(String.self, at: 0) }
            #expect(stored == hostile)
            #expect(try c.query("SELECT count(*) FROM x").first?.decode(Int.self, at: 0) == hostile.count)
        }
    }

    @Test func nulBytesAreRefusedNotTruncated() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        let error = #expect(throws: PostgresError.self) { try c.query("SELECT \("ok"), \("abc\u{0}def")") }
        #expect(error?.kind == .client && error?.debugMessage.contains("$2") == true)
        #expect(try c.query("SELECT \([UInt8]([0, 0]))").first?.decode([UInt8].self, at: 0) == [0, 0])  // bytea travels in binary
    }

    @Test func preparedStatementsAreReusedAndSurviveDiscardAll() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        for i in 0..<5 {
            #expect(try c.query("SELECT \(i) + 1").first?.decode(Int.self, at: 0) == i + 1)
        }
        #expect(c.preparedStatementCount == 1)
        let serverCount = try c.query("SELECT count(*) FROM pg_prepared_statements").first?.decode(Int.self, at: 0)
        #expect(serverCount == 2)
        try c.simpleQuery("DISCARD ALL")
        // The cache still names the statement; the server forgot it. The query must still work.
        #expect(try c.query("SELECT \(41) + 1").first?.decode(Int.self, at: 0) == 42)
    }

    @Test func preparedSelectStarSurvivesASchemaChange() throws {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let c = try PostgresConnection(url: url)
            defer { c.close() }
            try c.simpleQuery("CREATE TABLE t (a int); INSERT INTO t VALUES (1)")
            #expect(try c.query("SELECT * FROM t WHERE a = \(Int32(1))").first?.columnCount == 1)
            try c.simpleQuery("ALTER TABLE t ADD COLUMN b text")
            #expect(try c.query("SELECT * FROM t WHERE a = \(Int32(1))").first?.columnCount == 2)
        }
    }

    @Test func statementCacheIsBounded() throws {
        let c = try PostgresConnection(configuration: .init(url: try PostgresTestDatabase.ownerURL(), statementCacheCapacity: 3))
        defer { c.close() }
        for i in 0..<10 {
            try c.query("SELECT \(i) AS \(unescaped: "c\(i)")")
        }
        #expect(c.preparedStatementCount == 3)
        // Evicted statements were deallocated on the server (plus the counting statement itself).
        let onServer = try c.query("SELECT count(*) FROM pg_prepared_statements").first?.decode(Int.self, at: 0)
        #expect(try #require(onServer) <= 4)
    }

    @Test func sameSQLWithOtherParameterTypesIsPreparedAgain() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        #expect(try c.query("SELECT pg_typeof(\(1))::text").first?.decode(String.self, at: 0) == "bigint")
        #expect(try c.query("SELECT pg_typeof(\(Int32(1)))::text").first?.decode(String.self, at: 0) == "integer")
    }

    @Test func decodeErrorsNameColumnAndTypes() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        let row = try #require(try c.query("SELECT 42::int4 AS age, NULL::text AS nickname, ARRAY['a', NULL] AS tags").first)
        let mismatch = #expect(throws: PostgresDecodingError.self) { try row.decode(UUID.self, column: "age") }
        #expect(mismatch?.description == #"column "age" (int4) cannot be decoded as UUID"#)
        let null = #expect(throws: PostgresDecodingError.self) { try row.decode(String.self, column: "nickname") }
        #expect(null?.description == #"column "nickname" (text) is NULL, cannot be decoded as String"#)
        let element = #expect(throws: PostgresDecodingError.self) { try row.decode([String].self, at: 2) }
        #expect(element?.description == #"column "tags[2]" (text) is NULL, cannot be decoded as String"#)
        let missing = #expect(throws: PostgresDecodingError.self) { try row.decode(Int.self, column: "nope") }
        #expect(missing?.description.contains("\"nope\"") == true)
        #expect(throws: PostgresDecodingError.self) { try row.decode((Int, String?).self) }  // three columns, not two
        #expect(try row.decode(Int.self, column: "age") == 42)
    }

    @Test func rowsAffectedAndColumns() throws {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let c = try PostgresConnection(url: url)
            defer { c.close() }
            try c.simpleQuery("CREATE TABLE t (n int)")
            #expect(try c.execute("INSERT INTO t SELECT generate_series(1, \(Int32(5)))") == 5)
            #expect(try c.execute("UPDATE t SET n = n + 1 WHERE n > \(Int32(2))") == 3)
            let rows = try c.query("SELECT n, n * 2 AS double FROM t ORDER BY n")
            #expect(rows.count == 5 && rows.columnNames == ["n", "double"])
            #expect(try rows.map { try $0.decode(Int32.self, column: "n") } == [1, 2, 4, 5, 6])
        }
    }

    @Test func setLocalLastsOneTransaction() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        let tenant = UUID()
        let inside = try c.transaction { c throws in
            try c.setLocal("app.tenant_id", to: tenant.uuidString)
            return try c.query("SELECT current_setting('app.tenant_id')").first?.decode(String.self, at: 0)
        }
        #expect(inside == tenant.uuidString)
        let after = try c.query("SELECT current_setting('app.tenant_id', true)").first?.decode(String?.self, at: 0)
        #expect(after == nil || after == "")
    }

    /// Settings given to `transaction` hold inside it only, with the isolation and read-only mode
    /// intact, and values that try to break out of their quotes stay plain text.
    @Test func transactionSettingsTravelWithBegin() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        let hostile = "x'); DROP TABLE kinerja_never; SELECT ('\\ \u{00e9}"
        // The test cluster runs with synchronous_commit off; the transaction sets the other value.
        let before = try #require(try c.query("SELECT current_setting('synchronous_commit')").first?.decode(String.self, at: 0))
        let other = before == "off" ? "local" : "off"
        let settings = [PostgresSetting("app.tenant_id", "01935d3a-0000-7000-8000-000000000001"),
                        PostgresSetting("app.note", hostile), PostgresSetting("synchronous_commit", other)]
        let inside = try c.transaction(isolation: .repeatableRead, readOnly: true, settings: settings) { c throws in
            try c.query("""
                SELECT current_setting('app.tenant_id'), current_setting('app.note'), current_setting('synchronous_commit'),
                       current_setting('transaction_isolation'), current_setting('transaction_read_only')
                """).first?.decode((String, String, String, String, String).self)
        }
        #expect(inside?.0 == "01935d3a-0000-7000-8000-000000000001")
        #expect(inside?.1 == hostile)
        #expect(inside?.2 == other)
        #expect(inside?.3 == "repeatable read")
        #expect(inside?.4 == "on")
        let after = try c.query("SELECT current_setting('app.note', true), current_setting('synchronous_commit')").first?
            .decode((String?, String).self)
        #expect(after?.0 == nil || after?.0 == "")
        #expect(after?.1 == before)
    }
}
