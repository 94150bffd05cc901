import Foundation
import Postgres
import Runtime

/// Counts failed logins per key in a sliding window (migration 0004 `login_failures`). Keys
/// are hashed, so the table holds no login names or addresses in clear.
public struct LoginThrottleStore: Sendable {
    /// One thing to throttle and its allowance.
    public struct Limit: Sendable {
        public var keyHash: String
        public var maxFailures: Int
        public init(keyHash: String, maxFailures: Int) {
            self.keyHash = keyHash
            self.maxFailures = maxFailures
        }
    }

    private let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// The key of an account: a tenant's login, or a central admin's e-mail (`tenant` nil).
    public static func accountKey(tenant: UUID?, login: String) -> String {
        SHA256.hex("account:" + (tenant?.uuidString.lowercased() ?? "central") + ":" + login)
    }

    /// The key of a client address.
    public static func addressKey(_ address: String) -> String {
        SHA256.hex("address:" + address)
    }

    /// Seconds until the most limited key allows another attempt; nil when all allow one now.
    public func retryAfter(_ limits: [Limit], windowSeconds: Int) throws -> Int? {
        try pool.withConnection { connection in
            var longest: Int?
            for limit in limits {
                // The maxFailures-th most recent failure in the window: once it leaves the
                // window, the count drops below the limit.
                let rows = try connection.query("""
                    SELECT ceil(extract(epoch FROM failed_at + make_interval(secs => \(windowSeconds)) - now()))::bigint
                      FROM login_failures
                     WHERE key_hash = \(limit.keyHash) AND failed_at > now() - make_interval(secs => \(windowSeconds))
                     ORDER BY failed_at DESC OFFSET \(limit.maxFailures - 1) LIMIT 1
                    """)
                if let seconds = try rows.first?.decode(Int.self, at: 0) {
                    longest = max(longest ?? 1, max(1, seconds))
                }
            }
            return longest
        }
    }

    /// Records one failure under each key, and forgets failures older than the window for them.
    public func recordFailure(_ keyHashes: [String], windowSeconds: Int) throws {
        try pool.transaction { connection in
            for key in keyHashes {
                _ = try connection.execute("""
                    DELETE FROM login_failures
                     WHERE key_hash = \(key) AND failed_at <= now() - make_interval(secs => \(windowSeconds))
                    """)
                _ = try connection.execute("INSERT INTO login_failures (key_hash) VALUES (\(key))")
            }
        }
    }

    /// Forgets the failures of `keyHash` (an account after a successful login).
    public func clear(_ keyHash: String) throws {
        _ = try pool.withConnection { connection in
            try connection.execute("DELETE FROM login_failures WHERE key_hash = \(keyHash)")
        }
    }
}
