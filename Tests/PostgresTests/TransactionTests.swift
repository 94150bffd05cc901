import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Postgres

@Suite(.requiresDatabase)
struct TransactionTests {
    struct Boom: Error {}

    func withTable<T>(_ body: (String, PostgresConnection) throws -> T) throws -> T {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let c = try PostgresConnection(url: url)
            defer { c.close() }
            try c.simpleQuery("CREATE TABLE t (n int PRIMARY KEY)")
            return try body(url, c)
        }
    }

    func count(_ c: PostgresConnection) throws -> Int {
        try #require(try c.query("SELECT count(*) FROM t").first).decode(Int.self, at: 0)
    }

    @Test func commitsOnSuccess() throws {
        try withTable { _, c throws in
            let value = try c.transaction { c throws in
                try c.execute("INSERT INTO t VALUES (\(Int32(1)))")
                return "done"
            }
            #expect(value == "done")
            #expect(try count(c) == 1)
            #expect(c.transactionStatus == .idle)
        }
    }

    @Test func rollsBackAndRethrowsOnError() throws {
        try withTable { _, c throws in
            #expect(throws: Boom.self) {
                try c.transaction { c throws in
                    try c.execute("INSERT INTO t VALUES (\(Int32(1)))")
                    throw Boom()
                }
            }
            #expect(try count(c) == 0)
            #expect(c.transactionStatus == .idle)
            // A server error inside also rolls back.
            #expect(throws: PostgresError.self) {
                try c.transaction { c throws in
                    try c.execute("INSERT INTO t VALUES (\(Int32(2)))")
                    try c.execute("INSERT INTO t VALUES (\(Int32(2)))")
                }
            }
            #expect(try count(c) == 0)
        }
    }

    @Test func nestingAndSetLocalOutsideATransactionAreRefused() throws {
        try withTable { _, c throws in
            let nested = #expect(throws: PostgresError.self) {
                try c.transaction { c throws in
                    try c.execute("INSERT INTO t VALUES (\(Int32(1)))")
                    try c.transaction { _ throws in }
                }
            }
            #expect(nested?.kind == .client)
            #expect(try count(c) == 0)  // the outer transaction rolled back, not committed early
            let outside = #expect(throws: PostgresError.self) { try c.setLocal("app.tenant_id", to: UUID().uuidString) }
            #expect(outside?.kind == .client)
        }
    }

    @Test(arguments: PostgresIsolationLevel.allCases)
    func isolationLevel(_ level: PostgresIsolationLevel) throws {
        let c = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { c.close() }
        let shown = try c.transaction(isolation: level, readOnly: true) { c throws in
            try c.query("SHOW transaction_isolation").first?.decode(String.self, at: 0)
        }
        #expect(shown == level.rawValue.lowercased())
    }

    @Test func retryRerunsOnSerializationFailure() throws {
        try withTable { _, c throws in
            var attempts = 0
            let result = try c.transaction(isolation: .serializable, retry: .standard) { c throws in
                attempts += 1
                try c.execute("INSERT INTO t VALUES (\(Int32(attempts)))")
                if attempts < 3 {
                    try c.simpleQuery("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40001'; END $$")
                }
                return attempts
            }
            #expect(result == 3)
            // Only the last attempt's write survived.
            #expect(try c.query("SELECT n FROM t").map { try $0.decode(Int32.self, at: 0) } == [3])
        }
    }

    @Test func retryGivesUpAfterMaxAttempts() throws {
        try withTable { _, c throws in
            var attempts = 0
            let error = #expect(throws: PostgresError.self) {
                try c.transaction(retry: PostgresRetryPolicy(maxAttempts: 3)) { c throws in
                    attempts += 1
                    try c.simpleQuery("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '40P01'; END $$")
                }
            }
            #expect(error?.kind == .deadlock)
            #expect(attempts == 3)
            // Other errors are not retried.
            attempts = 0
            #expect(throws: PostgresError.self) {
                try c.transaction(retry: .standard) { c throws in
                    attempts += 1
                    try c.simpleQuery("DO $$ BEGIN RAISE EXCEPTION USING ERRCODE = '23505'; END $$")
                }
            }
            #expect(attempts == 1)
        }
    }

    @Test func retryResolvesARealSerializationConflict() throws {
        try withTable { url, setup throws in
            try setup.execute("INSERT INTO t VALUES (\(Int32(0)))")
            let a = try PostgresConnection(url: url)
            let b = try PostgresConnection(url: url)
            defer { a.close(); b.close() }
            let attempts = Atomic<Int>(0)
            // a reads, b commits a conflicting write, then a writes: SERIALIZABLE fails a once.
            let total = try a.transaction(isolation: .serializable, retry: .standard) { a throws in
                let n = attempts.add(1, ordering: .relaxed).newValue
                let sum = try #require(try a.query("SELECT sum(n)::int8 FROM t").first).decode(Int.self, at: 0)
                if n == 1 {
                    try b.transaction(isolation: .serializable) { b throws in
                        _ = try b.query("SELECT sum(n) FROM t")
                        try b.execute("INSERT INTO t VALUES (\(Int32(100)))")
                    }
                }
                try a.execute("INSERT INTO t VALUES (\(Int32(sum + 1)))")
                return sum
            }
            #expect(attempts.load(ordering: .relaxed) == 2)
            #expect(total == 100)
        }
    }
}
