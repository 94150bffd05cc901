/// Transactions, tenant settings and notifications on one connection.
extension PostgresConnection {
    /// Runs `body` inside BEGIN ... COMMIT; a thrown error rolls back and is rethrown.
    /// `settings` hold for this transaction only (`set_config(name, value, true)`, like `SET
    /// LOCAL`) and travel with the BEGIN in one round trip: a tenant's transaction costs no extra
    /// trip to the server for its tenant.
    ///
    /// Transactions do not nest: calling this inside one throws a `.client` error rather than
    /// letting the inner COMMIT end the outer transaction early.
    public func transaction<T>(isolation: PostgresIsolationLevel? = nil, readOnly: Bool = false,
                               settings: [PostgresSetting] = [], _ body: (PostgresConnection) throws -> T) throws -> T {
        guard transactionStatus == .idle else {
            throw PostgresError(kind: .client, debugMessage: "transaction() called while a transaction is open")
        }
        var begin = "BEGIN"
        if let isolation { begin += " ISOLATION LEVEL " + isolation.rawValue }
        if readOnly { begin += " READ ONLY" }
        if !settings.isEmpty {
            // One simple query holds both statements, so the values go in as literals, quoted by
            // libpq (PQescapeLiteral) for this connection's encoding.
            let calls = try settings.map { "set_config(\(try literal($0.name)), \(try literal($0.value)), true)" }
            begin += "; SELECT " + calls.joined(separator: ", ")
        }
        try simpleQuery(begin)
        deferredUntilCommit = []
        defer { deferredUntilCommit = nil }
        let value: T
        do {
            value = try body(self)
        } catch {
            rollbackQuietly()
            throw error
        }
        do {
            let deferred = deferredUntilCommit ?? []
            if deferred.isEmpty { try simpleQuery("COMMIT") } else { try commit(after: deferred) }
        } catch {
            // A failed COMMIT has ended the transaction already; make sure nothing is left open.
            rollbackQuietly()
            throw error
        }
        return value
    }

    /// Like `transaction`, but re-runs the whole `body` in a new transaction when it fails with a
    /// serialization failure or deadlock, up to `retry.maxAttempts`. `body` must be safe to
    /// repeat: no side effects outside the database.
    public func transaction<T>(isolation: PostgresIsolationLevel? = nil, readOnly: Bool = false,
                               settings: [PostgresSetting] = [], retry: PostgresRetryPolicy,
                               _ body: (PostgresConnection) throws -> T) throws -> T {
        var attempt = 1
        while true {
            do {
                return try transaction(isolation: isolation, readOnly: readOnly, settings: settings, body)
            } catch let error as PostgresError where error.isTransient && attempt < retry.maxAttempts && isUsable {
                PostgresRetryPolicy.sleep(retry.delay(afterAttempt: attempt))
                attempt += 1
            }
        }
    }

    /// Holds `query` back to run at the end of the current `transaction` body, sent with its COMMIT
    /// in one round trip (in the order deferred). For the last statement of a transaction that
    /// takes a lock others queue for (the audit chain's): the lock is then never held across a
    /// round trip to this process. Its failure rolls the transaction back and is thrown by
    /// `transaction`. Outside a `transaction` body nothing would send it, so that is a `.client` error.
    public func deferUntilCommit(_ query: PostgresQuery) throws {
        guard deferredUntilCommit != nil, transactionStatus == .inTransaction else {
            throw PostgresError(kind: .client, debugMessage: "deferUntilCommit outside transaction()")
        }
        deferredUntilCommit?.append(query)
    }

    /// Sets a configuration parameter for the current transaction only (`SET LOCAL`), through
    /// binds: `conn.setLocal("app.tenant_id", to: tenant.uuidString)`.
    /// Outside a transaction the setting would vanish with the statement, leaving e.g. the tenant
    /// unset for the next one, so that is a `.client` error.
    public func setLocal(_ name: String, to value: String) throws {
        guard transactionStatus == .inTransaction else {
            throw PostgresError(kind: .client, debugMessage: "setLocal(\(name)) outside a transaction has no effect")
        }
        try query("SELECT set_config(\(name), \(value), true)")
    }

    /// Sends a notification to `channel` listeners (`pg_notify`); delivered at commit.
    public func notify(_ channel: String, payload: String = "") throws {
        try query("SELECT pg_notify(\(channel), \(payload))")
    }

    private func rollbackQuietly() {
        guard isUsable, transactionStatus != .idle else { return }
        try? simpleQuery("ROLLBACK")
    }
}
