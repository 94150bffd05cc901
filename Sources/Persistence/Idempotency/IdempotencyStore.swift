import Foundation
import Postgres

/// Idempotency keys of the API's creating POSTs (migration 0012): claims a key before the request
/// runs, keeps the answer after it, and tells a retry what happened.
///
/// Each call is its own short transaction, so the claim is visible to a concurrent retry while the
/// request itself runs: the retry's INSERT waits for the claim to commit and then finds it. A
/// tenant user's keys are tenant-owned (`idempotency_keys`, under row-level security); a central
/// admin's live in `platform_idempotency_keys`. The same SQL serves both tables: `tenant_id`
/// defaults to the transaction's tenant, and row-level security adds the tenant to every WHERE.
public struct IdempotencyStore: Sendable {
    /// How long a key is remembered (24 hours, as most public APIs do).
    public static let lifetime: TimeInterval = 24 * 3600
    /// A claim still pending after this long belongs to a request that died (process killed): the
    /// key may be claimed again. Far longer than any request may run.
    public static let pendingTimeout: TimeInterval = 300
    /// Expired rows deleted per claim; bounded so a claim stays cheap however much has piled up.
    static let cleanupBatch = 100

    private let pool: PostgresPool

    /// A store over `pool`.
    public init(pool: PostgresPool) { self.pool = pool }

    /// Claims `scope` for a request whose SHA-256 is `requestHash` (hex), or says why not.
    public func claim(_ scope: IdempotencyScope, requestHash: String, at now: Date) throws -> IdempotencyClaim {
        let table = Self.table(scope.owner)
        return try transaction(scope.owner) { c in
            let stale = now.addingTimeInterval(-Self.pendingTimeout)
            // The key's own old row first (expired, or an abandoned claim), so the key is reusable;
            // then a bounded batch of this owner's table's other expired rows.
            try c.execute("""
                DELETE FROM \(unescaped: table)
                WHERE user_id = \(Self.user(scope.owner)) AND scope = \(scope.route) AND key = \(scope.key)
                  AND (expires_at <= \(now) OR (state = 'pending' AND created_at <= \(stale)))
                """)
            try c.execute("""
                DELETE FROM \(unescaped: table) WHERE ctid IN (
                    SELECT ctid FROM \(unescaped: table) WHERE expires_at <= \(now) LIMIT \(Self.cleanupBatch))
                """)
            let inserted = try c.query("""
                INSERT INTO \(unescaped: table) (user_id, scope, key, request_hash, state, created_at, expires_at)
                VALUES (\(Self.user(scope.owner)), \(scope.route), \(scope.key), \(requestHash), 'pending', \(now),
                        \(now.addingTimeInterval(Self.lifetime)))
                ON CONFLICT DO NOTHING
                RETURNING 1
                """)
            if inserted.first != nil { return .proceed }
            let rows = try c.query("""
                SELECT request_hash, state, response_status, content_type, location, response_body
                FROM \(unescaped: table)
                WHERE user_id = \(Self.user(scope.owner)) AND scope = \(scope.route) AND key = \(scope.key)
                """)
            // Gone between the INSERT and the SELECT: its request just failed and released it.
            guard let row = rows.first else { return .inProgress }
            let (hash, state, status, contentType, location, body) = try row.decode((String, String, Int?, String?, String?, String?).self)
            guard hash == requestHash else { return .mismatch }
            guard state == "completed", let status else { return .inProgress }
            return .completed(IdempotentResponse(status: status, contentType: contentType, location: location, body: body))
        }
    }

    /// Keeps `response` as the answer to the request that claimed `scope`.
    public func complete(_ scope: IdempotencyScope, with response: IdempotentResponse) throws {
        let table = Self.table(scope.owner)
        _ = try transaction(scope.owner) { c in
            try c.execute("""
                UPDATE \(unescaped: table)
                SET state = 'completed', response_status = \(response.status), content_type = \(response.contentType),
                    location = \(response.location), response_body = \(response.body)
                WHERE user_id = \(Self.user(scope.owner)) AND scope = \(scope.route) AND key = \(scope.key)
                  AND state = 'pending'
                """)
        }
    }

    /// Forgets the pending claim of `scope` (its request failed in a way a retry may repair).
    public func release(_ scope: IdempotencyScope) throws {
        let table = Self.table(scope.owner)
        _ = try transaction(scope.owner) { c in
            try c.execute("""
                DELETE FROM \(unescaped: table)
                WHERE user_id = \(Self.user(scope.owner)) AND scope = \(scope.route) AND key = \(scope.key)
                  AND state = 'pending'
                """)
        }
    }

    private func transaction<T>(_ owner: IdempotencyScope.Owner, _ body: (PostgresConnection) throws -> T) throws -> T {
        switch owner {
        case .tenantUser(let tenant, _): try pool.transaction(tenant: tenant, body)
        case .centralAdmin: try pool.transaction(body)
        }
    }

    private static func table(_ owner: IdempotencyScope.Owner) -> String {
        switch owner {
        case .tenantUser: "idempotency_keys"
        case .centralAdmin: "platform_idempotency_keys"
        }
    }

    private static func user(_ owner: IdempotencyScope.Owner) -> UUID {
        switch owner {
        case .tenantUser(_, let user): user
        case .centralAdmin(let user): user
        }
    }
}
