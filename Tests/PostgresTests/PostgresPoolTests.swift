import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Postgres
import Runtime

@Suite(.requiresDatabase)
struct PostgresPoolTests {
    func makePool(max: Int = 2, acquireTimeout: Duration = .seconds(2), healthCheckAfterIdle: Duration = .seconds(30),
                  maxAge: Duration? = nil) throws -> PostgresPool {
        PostgresPool(configuration: .init(url: try PostgresTestDatabase.ownerURL(), maxConnections: max,
                                          acquireTimeout: acquireTimeout, healthCheckAfterIdle: healthCheckAfterIdle,
                                          maxConnectionAge: maxAge),
                     logger: .silent)
    }

    /// Terminates `pid` as superuser and waits until the backend process has exited (and so its
    /// socket is closed; it leaves pg_stat_activity a little earlier than that).
    func terminate(_ pid: Int32) throws {
        try PostgresTestDatabase.terminateBackend(pid)
    }

    @Test func lendsAndReusesConnections() throws {
        let pool = try makePool()
        defer { pool.close() }
        let first = try pool.withConnection { c throws in c.backendPID }
        let second = try pool.withConnection { c throws in c.backendPID }
        #expect(first == second)
        let stats = pool.stats
        #expect(stats.inUse == 0 && stats.idle == 1 && stats.totalConnectionsOpened == 1 && stats.maxConnections == 2)
        #expect(try pool.withConnection { c throws in try c.query("SHOW idle_in_transaction_session_timeout").first?.decode(String.self, at: 0) } == "1min")
    }

    @Test func exhaustionTimesOutWithTypedError() throws {
        let pool = try makePool(max: 2, acquireTimeout: .milliseconds(300))
        defer { pool.close() }
        let a = try pool.acquire()
        let b = try pool.acquire()
        #expect(pool.stats.inUse == 2)
        let start = ContinuousClock.now
        let error = #expect(throws: PostgresError.self) { try pool.acquire() }
        let waited = ContinuousClock.now - start
        #expect(error?.kind == .poolTimeout)
        #expect(waited >= .milliseconds(250) && waited < .seconds(2))
        #expect(pool.stats.totalTimeouts == 1 && pool.stats.totalWaits == 1)
        pool.release(a)
        pool.release(b)
        #expect(try pool.withConnection { c throws in try c.query("SELECT 1").count } == 1)
    }

    @Test func waiterGetsTheReleasedConnection() throws {
        let pool = try makePool(max: 1, acquireTimeout: .seconds(5))
        defer { pool.close() }
        let held = try pool.acquire()
        let got = Atomic<Bool>(false)
        let thread = Thread {
            if (try? pool.withConnection { c throws in try c.query("SELECT 1").count }) == 1 {
                got.store(true, ordering: .releasing)
            }
        }
        thread.start()
        for _ in 0..<250 where pool.stats.waiting == 0 { Thread.sleep(forTimeInterval: 0.02) }
        #expect(pool.stats.waiting == 1)
        pool.release(held)
        for _ in 0..<100 where !got.load(ordering: .acquiring) { Thread.sleep(forTimeInterval: 0.02) }
        let delivered = got.load(ordering: .acquiring)
        #expect(delivered)
    }

    @Test func reconnectsAfterBackendIsTerminated() throws {
        let pool = try makePool(max: 1)
        defer { pool.close() }
        let pid = try pool.withConnection { c throws in c.backendPID }
        try terminate(pid)
        // The dead idle connection is noticed at checkout and replaced.
        let next = try pool.withConnection { c throws in
            try #require(try c.query("SELECT pg_backend_pid()").first).decode(Int32.self, at: 0)
        }
        #expect(next != pid)
        #expect(pool.stats.totalConnectionsDiscarded == 1)
    }

    @Test func brokenConnectionIsNeverLentAgain() throws {
        let pool = try makePool(max: 1)
        defer { pool.close() }
        // Terminated while lent: the query fails, and the pool drops that connection.
        let error = #expect(throws: PostgresError.self) {
            try pool.withConnection { c throws in
                try terminate(c.backendPID)
                try c.query("SELECT 1")
            }
        }
        #expect(error?.kind == .connectionFailure)
        #expect(pool.stats.idle == 0)
        #expect(try pool.withConnection { c throws in try c.query("SELECT 1").count } == 1)
    }

    @Test func retryOnConnectionLossRunsAReadAgain() throws {
        let pool = try makePool(max: 1)
        defer { pool.close() }
        var runs = 0
        let value = try pool.withConnection(retryOnConnectionLoss: true) { c throws in
            runs += 1
            if runs == 1 { try terminate(c.backendPID) }
            return try #require(try c.query("SELECT 7").first).decode(Int.self, at: 0)
        }
        #expect(value == 7 && runs == 2)
    }

    @Test func idleHealthCheckAndMaxAgeReplaceConnections() throws {
        let pool = try makePool(max: 1, healthCheckAfterIdle: .zero, maxAge: .milliseconds(200))
        defer { pool.close() }
        let first = try pool.withConnection { c throws in c.backendPID }
        #expect(try pool.withConnection { c throws in c.backendPID } == first)  // pinged, alive, young
        Thread.sleep(forTimeInterval: 0.3)
        #expect(try pool.withConnection { c throws in c.backendPID } != first)  // aged out
    }

    @Test func transactionLeftOpenIsRolledBackOnRelease() throws {
        try PostgresTestDatabase.withSchema { url, _ throws in
            let pool = PostgresPool(configuration: .init(url: url, maxConnections: 1), logger: .silent)
            defer { pool.close() }
            try pool.withConnection { c throws in
                try c.simpleQuery("CREATE TABLE t (n int)")
                try c.simpleQuery("BEGIN")
                try c.execute("INSERT INTO t VALUES (\(Int32(1)))")
            }
            let (status, rows) = try pool.withConnection { c throws in
                (c.transactionStatus, try c.query("SELECT count(*) FROM t").first?.decode(Int.self, at: 0))
            }
            #expect(status == .idle && rows == 0)
            let inserted = try pool.transaction { c throws in try c.execute("INSERT INTO t VALUES (\(Int32(2)))") }
            #expect(inserted == 1)
        }
    }

    @Test func closeWakesWaitersAndRefusesNewAcquires() throws {
        let pool = try makePool(max: 1, acquireTimeout: .seconds(10))
        let held = try pool.acquire()
        let sawClosed = Atomic<Bool>(false)
        let thread = Thread {
            do { _ = try pool.acquire() } catch let error as PostgresError where error.kind == .poolClosed {
                sawClosed.store(true, ordering: .releasing)
            } catch {}
        }
        thread.start()
        Thread.sleep(forTimeInterval: 0.1)
        pool.close()
        for _ in 0..<100 where !sawClosed.load(ordering: .acquiring) { Thread.sleep(forTimeInterval: 0.02) }
        let closedSeen = sawClosed.load(ordering: .acquiring)
        #expect(closedSeen)
        pool.release(held)
        #expect(pool.stats.idle == 0)
    }
}
