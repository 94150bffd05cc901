import Foundation
import Synchronization
import Testing
@testable import Postgres

/// `pgbench -S` through the pool: one primary-key read per checkout. Runs only when
/// KINERJA_BENCH_URL names a database initialised with `pgbench -i`; compare with
/// `pgbench -S -M prepared -c CLIENTS` against the same database, on a release build.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["KINERJA_BENCH_URL"] != nil, "set KINERJA_BENCH_URL to benchmark"))
struct QueryPathBenchmark {
    @Test func selectOnlyThroughput() throws {
        let environment = ProcessInfo.processInfo.environment
        let url = try #require(environment["KINERJA_BENCH_URL"])
        let clients = Int(environment["KINERJA_BENCH_CLIENTS"] ?? "") ?? 8
        let seconds = Double(environment["KINERJA_BENCH_SECONDS"] ?? "") ?? 10
        let accounts = Int32(environment["KINERJA_BENCH_ACCOUNTS"] ?? "") ?? 100_000
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: clients), logger: .silent)
        defer { pool.close() }
        let done = Atomic<Int>(0)
        let failures = Atomic<Int>(0)
        let finished = Atomic<Int>(0)
        let stop = Atomic<Bool>(false)
        for _ in 0..<clients {
            Thread {
                while !stop.load(ordering: .relaxed) {
                    let aid = Int32.random(in: 1...accounts)
                    do {
                        _ = try pool.withConnection { c in
                            try c.query("SELECT abalance FROM pgbench_accounts WHERE aid = \(aid)").first?.decode(Int32.self, at: 0)
                        }
                        done.add(1, ordering: .relaxed)
                    } catch {
                        failures.add(1, ordering: .relaxed)
                    }
                }
                finished.add(1, ordering: .relaxed)
            }.start()
        }
        Thread.sleep(forTimeInterval: seconds)
        stop.store(true, ordering: .relaxed)
        while finished.load(ordering: .relaxed) < clients { Thread.sleep(forTimeInterval: 0.01) }
        let tps = Double(done.load(ordering: .relaxed)) / seconds
        print("BENCH clients=\(clients) tps=\(Int(tps)) failures=\(failures.load(ordering: .relaxed))")
        #expect(failures.load(ordering: .relaxed) == 0)
    }
}
