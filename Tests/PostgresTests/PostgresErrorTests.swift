import Foundation
import Testing
import TestSupport
@testable import Postgres

@Suite(.requiresDatabase)
struct PostgresErrorTests {
    func withTables<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let c = try PostgresConnection(url: url)
            defer { c.close() }
            try c.simpleQuery("""
                CREATE TABLE units (id int PRIMARY KEY);
                CREATE TABLE people (id int PRIMARY KEY, email text NOT NULL CONSTRAINT people_email_key UNIQUE,
                  unit int CONSTRAINT people_unit_fkey REFERENCES units,
                  age int CONSTRAINT people_age_check CHECK (age >= 18));
                INSERT INTO units VALUES (1);
                """)
            return try body(c)
        }
    }

    @Test func sqlStatesMapToKinds() throws {
        try withTables { c throws in
            try c.execute("INSERT INTO people VALUES (1, \("secret.person@example.id"), 1, 30)")

            let unique = #expect(throws: PostgresError.self) {
                try c.execute("INSERT INTO people VALUES (2, \("secret.person@example.id"), 1, 30)")
            }
            #expect(unique?.kind == .uniqueViolation && unique?.sqlState == "23505")
            #expect(unique?.constraintName == "people_email_key" && unique?.tableName == "people")
            // The server's detail quotes the value; only debugMessage may carry it.
            #expect(unique?.debugMessage.contains("secret.person@example.id") == true)
            #expect(unique?.description.contains("secret.person") == false)
            #expect(unique.map { String(describing: $0) }?.contains("secret.person") == false)
            #expect(unique.map { "\($0)" }?.contains("example.id") == false)

            let fk = #expect(throws: PostgresError.self) { try c.execute("INSERT INTO people VALUES (3, \("b@x"), 99, 30)") }
            #expect(fk?.kind == .foreignKeyViolation && fk?.constraintName == "people_unit_fkey")
            #expect(fk?.description.contains("99") == false)

            let check = #expect(throws: PostgresError.self) { try c.execute("INSERT INTO people VALUES (4, \("c@x"), 1, 12)") }
            #expect(check?.kind == .checkViolation && check?.constraintName == "people_age_check")

            let notNull = #expect(throws: PostgresError.self) { try c.execute("INSERT INTO people VALUES (5, \(String?.none), 1, 30)") }
            #expect(notNull?.kind == .notNullViolation && notNull?.columnName == "email")

            let syntax = #expect(throws: PostgresError.self) { try c.query("SELEC 1") }
            #expect(syntax?.kind == .server && syntax?.sqlState == "42601")
            // A failed statement leaves the connection usable.
            #expect(try c.query("SELECT 1").count == 1)
        }
    }

    @Test func badInputValuesStayOutOfTheDescription() throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        let error = #expect(throws: PostgresError.self) { try c.query("SELECT \("NIK-3201234567890001")::int") }
        #expect(error?.sqlState == "22P02")
        #expect(error?.debugMessage.contains("NIK-3201234567890001") == true)
        #expect(error?.description.contains("3201234567890001") == false)
    }

    @Test func statementTimeoutIsQueryCanceled() throws {
        let config = PostgresConnection.Configuration(url: try PostgresTestDatabase.ownerURL(), statementTimeout: .milliseconds(100))
        let c = try PostgresConnection(configuration: config)
        defer { c.close() }
        let start = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try c.query("SELECT pg_sleep(5)") }
        #expect(error?.kind == .queryCanceled && error?.sqlState == "57014")
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(try c.query("SHOW statement_timeout").first?.decode(String.self, at: 0) == "100ms")
    }

    @Test func connectFailureIsTyped() {
        let error = #expect(throws: PostgresError.self) {
            try PostgresConnection(url: "postgres://nobody@127.0.0.1:1/none?connect_timeout=2")
        }
        #expect(error?.kind == .connectionFailure)
    }

    @Test(arguments: [("23505", PostgresError.Kind.uniqueViolation), ("40001", .serializationFailure), ("40P01", .deadlock),
                      ("57014", .queryCanceled), ("08006", .connectionFailure), ("57P01", .connectionFailure), ("42P01", .server)])
    func kindForSQLState(_ state: String, _ kind: PostgresError.Kind) {
        #expect(PostgresError.kind(forSQLState: state) == kind)
    }
}
