import Foundation
import Kinerja
import Postgres
import Testing
import TestSupport
@testable import Persistence

@Suite(.requiresDatabase) struct AuditLogTests {
    private func change(_ n: Int) -> AuditChange {
        AuditChange(action: "update", entity: "employee", entityID: "e-\(n)",
                    before: .object(["name": .string("Nama \(n)")]), after: .object(["name": .string("Nama \(n + 1)"), "n": .number(Decimal(n))]))
    }

    private func appendSome(_ pool: PostgresPool, tenant: UUID, count: Int) throws {
        for n in 1...count {
            try pool.transaction(tenant: tenant) { c in
                try AuditLog.append(change(n), tenant: tenant, actor: .system("test"), at: Date(), on: c)
            }
        }
    }

    @Test func intactChainVerifies() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        try appendSome(pool, tenant: tenant, count: 5)
        try pool.transaction(tenant: tenant) { c in
            try AuditLog.append([change(6), change(7)], tenant: tenant, actor: .user(UUID()), at: Date(), on: c)
        }
        let result = try AuditLog(pool: pool).verify(tenant: tenant)
        #expect(result == AuditVerification(verifiedCount: 7, firstBreak: nil))
        let entries = try AuditLog(pool: pool).entries(tenant: tenant, entity: "employee", entityID: "e-3")
        #expect(entries.map(\.seq) == [3])
        // The chain is exactly sha256(prev_hash || canonical JSON), as PostgreSQL's sha256() computes it.
        let entry = try #require(entries.first)
        let matches = try PersistenceFixture.asSuperuser { c in
            try c.query("""
                SELECT hash = sha256(prev_hash || convert_to(\(CanonicalJSON.string(entry.json)), 'UTF8'))
                  FROM audit_log WHERE tenant_id = \(tenant) AND seq = 3
                """).first?.decode(Bool.self, at: 0)
        }
        #expect(matches == true)
    }

    @Test(arguments: [
        ("UPDATE audit_log SET after = '{\"name\": \"Palsu\"}' WHERE tenant_id = $1 AND seq = 3", Int64(3), AuditChainBreak.Reason.hashMismatch),
        ("UPDATE audit_log SET actor = 'user:someone-else' WHERE tenant_id = $1 AND seq = 2", 2, .hashMismatch),
        ("UPDATE audit_log SET at = at + interval '1 second' WHERE tenant_id = $1 AND seq = 4", 4, .hashMismatch),
        ("DELETE FROM audit_log WHERE tenant_id = $1 AND seq = 3", 4, .sequenceGap),
        ("UPDATE audit_log SET prev_hash = hash WHERE tenant_id = $1 AND seq = 5", 5, .previousHashMismatch),
    ])
    func tamperingIsNamedAtTheEntry(sql: String, seq: Int64, reason: AuditChainBreak.Reason) throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        try appendSome(pool, tenant: tenant, count: 6)
        var bindings = PostgresBindings()
        bindings.append(tenant)
        let changed = try PersistenceFixture.asSuperuser { c in
            try c.execute(PostgresQuery(unsafeSQL: sql, bindings: bindings))
        }
        #expect(changed == 1)
        let result = try AuditLog(pool: pool).verify(tenant: tenant)
        #expect(result.firstBreak == AuditChainBreak(seq: seq, reason: reason))
    }

    @Test func theCommandSaysIntactThenNamesTheTamperedEntry() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let slug = "t-" + tenant.uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        try appendSome(pool, tenant: tenant, count: 3)
        let environment = ["KINERJA_DATABASE_URL": try #require(TestEnvironment.databaseURL)]
        var lines: [String] = []
        let intact = AuditCommand.run(arguments: ["verify", "--tenant", slug], environment: environment, logger: .silent,
                                      output: { lines.append($0) }, errorOutput: { lines.append($0) })
        #expect(intact == 0)
        #expect(lines == ["audit: \(slug): 3 entries, chain intact"])
        try PersistenceFixture.asSuperuser { c in
            _ = try c.execute("UPDATE audit_log SET actor = 'user:palsu' WHERE tenant_id = \(tenant) AND seq = 2")
        }
        lines = []
        let broken = AuditCommand.run(arguments: ["verify", "--tenant", slug], environment: environment, logger: .silent,
                                      output: { lines.append($0) }, errorOutput: { lines.append($0) })
        #expect(broken == 1)
        #expect(lines.first?.contains("chain broken at entry 2") == true)
        #expect(AuditCommand.run(arguments: ["verify"], environment: environment, logger: .silent,
                                 output: { _ in }, errorOutput: { _ in }) == 2)
    }

    @Test func applicationCannotRewriteOrDeleteEntries() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        try appendSome(pool, tenant: tenant, count: 1)
        for sql in ["UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"] {
            do {
                _ = try pool.transaction(tenant: tenant) { c in try c.execute(PostgresQuery(unsafeSQL: sql)) }
                Issue.record("\(sql) should be refused")
            } catch let error as PostgresError {
                #expect(error.sqlState == "42501", "\(sql)")  // insufficient_privilege
            }
        }
    }

    /// The server's append (migration 0019) takes the tenant's chain lock under `AuditLog.lockClass`:
    /// while another transaction holds that lock, an append waits (here: until its lock_timeout),
    /// and once it is released the append goes through and the chain stays whole.
    @Test func appendsWaitForTheTenantsChainLock() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let holder = try pool.acquire()
        defer { pool.release(holder) }
        try holder.simpleQuery("BEGIN")
        try holder.query("SELECT pg_advisory_xact_lock(\(AuditLog.lockClass), hashtext(\(tenant.uuidString.lowercased())))")
        let waiting = #expect(throws: PostgresError.self) {
            try pool.transaction(tenant: tenant, settings: [PostgresSetting("lock_timeout", "200ms")]) { c in
                try AuditLog.append(change(1), tenant: tenant, actor: .system("test"), at: Date(), on: c)
            }
        }
        #expect(waiting?.sqlState == "55P03")  // lock_not_available
        try holder.simpleQuery("COMMIT")
        try appendSome(pool, tenant: tenant, count: 1)
        #expect(try AuditLog(pool: pool).verify(tenant: tenant) == AuditVerification(verifiedCount: 1, firstBreak: nil))
    }

    @Test func concurrentAppendsKeepOneChain() throws {
        let pool = try PersistenceFixture.appPool(maxConnections: 8)
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant()
        let failures = FailureCounter()
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for n in 0..<15 {
                do {
                    try pool.transaction(tenant: tenant) { c in
                        try AuditLog.append(change(worker * 100 + n), tenant: tenant, actor: .system("test"), at: Date(), on: c)
                    }
                } catch {
                    failures.add()
                }
            }
        }
        #expect(failures.value == 0)
        let result = try AuditLog(pool: pool).verify(tenant: tenant)
        #expect(result == AuditVerification(verifiedCount: 120, firstBreak: nil))
    }
}

/// A thread-safe counter for the concurrency test.
final class FailureCounter: @unchecked Sendable {
    // @unchecked Sendable: `count` is only touched under `lock`.
    private let lock = NSLock()
    private var count = 0
    func add() { lock.lock(); count += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
}
