import CLibPQ
import Glibc

/// One blocking libpq connection. Use it from one OS thread at a time (never from Swift's
/// cooperative pool); the pool hands each one to a single borrower.
///
/// Queries go through a per-connection prepared-statement cache: the first run of a SQL text
/// prepares it, later runs only bind and execute.
// @unchecked Sendable: the class owns a PGconn, which libpq allows to move between threads but not
// to share; every user (pool borrower, listener thread, migrator) holds it exclusively.
public final class PostgresConnection: @unchecked Sendable {
    /// How to connect and what to set on each new session.
    public struct Configuration: Sendable {
        /// A `postgres://` or `postgresql://` URL (or any libpq connection string), passed as-is.
        public var url: String
        /// `statement_timeout` for the session; nil keeps the server's default.
        public var statementTimeout: Duration?
        /// `idle_in_transaction_session_timeout` for the session; nil keeps the server's default.
        public var idleInTransactionSessionTimeout: Duration?
        /// How many prepared statements to keep per connection.
        public var statementCacheCapacity: Int

        /// A configuration for `url`.
        public init(url: String, statementTimeout: Duration? = nil, idleInTransactionSessionTimeout: Duration? = nil,
                    statementCacheCapacity: Int = 256) {
            self.url = url
            self.statementTimeout = statementTimeout
            self.idleInTransactionSessionTimeout = idleInTransactionSessionTimeout
            self.statementCacheCapacity = statementCacheCapacity
        }
    }

    /// The settings this connection was opened with.
    public let configuration: Configuration
    /// When the session was opened; the pool recycles old connections.
    public private(set) var openedAt: ContinuousClock.Instant
    private var handle: OpaquePointer?
    private var statements: PreparedStatementCache
    /// Evicted statements waiting for a moment outside a transaction to be deallocated.
    private var pendingDeallocations: [String] = []
    private var broken = false
    /// Statements `deferUntilCommit` holds back to send with the COMMIT of the running
    /// `transaction` body; nil outside one (deferring there is refused).
    var deferredUntilCommit: [PostgresQuery]?

    /// Connects, then applies the session settings; throws `.connectionFailure`.
    public init(configuration: Configuration) throws {
        self.configuration = configuration
        statements = PreparedStatementCache(capacity: configuration.statementCacheCapacity)
        openedAt = .now
        handle = try Self.open(configuration)
    }

    /// Connects to `url` with default settings.
    public convenience init(url: String) throws {
        try self.init(configuration: Configuration(url: url))
    }

    deinit {
        if let handle { PQfinish(handle) }
    }

    /// Closes the connection; later calls throw `.connectionFailure`.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
        statements.removeAll()
    }

    /// False once the connection is closed or libpq has seen it break.
    public var isUsable: Bool {
        guard let handle, !broken else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// The server process id of this session (for `pg_terminate_backend` and logs).
    public var backendPID: Int32 { handle.map(PQbackendPID) ?? 0 }

    /// Whether the session is outside a transaction, inside one, or inside a failed one.
    public var transactionStatus: PostgresTransactionStatus {
        guard let handle else { return .unknown }
        switch PQtransactionStatus(handle) {
        case PQTRANS_IDLE: return .idle
        case PQTRANS_INTRANS: return .inTransaction
        case PQTRANS_INERROR: return .failedTransaction
        case PQTRANS_ACTIVE: return .active
        default: return .unknown
        }
    }

    /// The number of statements currently prepared by the cache.
    public var preparedStatementCount: Int { statements.count }

    /// Runs `query` and returns its rows (empty for commands).
    @discardableResult
    public func query(_ query: PostgresQuery) throws -> PostgresRows {
        PostgresRows(result: try run(query))
    }

    /// Runs a command and returns the number of rows it changed.
    @discardableResult
    public func execute(_ query: PostgresQuery) throws -> Int {
        try run(query).rowsAffected
    }

    /// Runs SQL text without binds through the simple-query protocol, which allows several
    /// statements in one string (migrations, `BEGIN`). Never pass text built from input.
    public func simpleQuery(_ sql: String) throws {
        let handle = try requireHandle()
        guard let result = PQexec(handle, sql) else { throw failure(handle, "query failed") }
        _ = try check(PostgresResult(result), handle)
    }

    /// `text` as an SQL string literal, quoted and escaped by libpq for this connection
    /// (`PQescapeLiteral`). Only for the few statements that cannot take binds.
    func literal(_ text: String) throws -> String {
        let handle = try requireHandle()
        guard let quoted = PQescapeLiteral(handle, text, text.utf8.count) else { throw failure(handle, "escaping failed") }
        defer { PQfreemem(quoted) }
        return String(cString: quoted)
    }

    /// Drops the session and opens a new one with the same settings; prepared statements are
    /// forgotten (the server forgot them too).
    public func reconnect() throws {
        close()
        broken = false
        pendingDeallocations.removeAll()
        handle = try Self.open(configuration)
        openedAt = .now
    }

    /// A round trip without a statement (an empty query), to check the session is alive.
    public func ping() -> Bool {
        guard let handle, !broken else { return false }
        guard let result = PQexec(handle, "") else { broken = true; return false }
        defer { PQclear(result) }
        let ok = PQresultStatus(result) == PGRES_EMPTY_QUERY
        if !ok, PQstatus(handle) == CONNECTION_BAD { broken = true }
        return ok
    }

    /// Without blocking, reads what the server sent while the connection sat idle; false when
    /// that shows the session is gone (a terminated backend sends an error and closes).
    public func isAliveWithoutWaiting() -> Bool {
        guard let handle, !broken, PQstatus(handle) == CONNECTION_OK else { return false }
        // A terminated backend sends an error and then closes. The first read may take only the
        // error, so read again while the socket stays readable: the end of the stream makes
        // PQconsumeInput fail. A stray notification leaves the socket quiet after one read.
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        for _ in 0..<4 {
            descriptor.revents = 0
            guard poll(&descriptor, 1, 0) > 0 else { return true }
            if PQconsumeInput(handle) == 0 || PQstatus(handle) == CONNECTION_BAD {
                broken = true
                return false
            }
        }
        return true
    }

    // MARK: - Internals

    func requireHandle() throws -> OpaquePointer {
        guard let handle else { throw PostgresError(kind: .connectionFailure, debugMessage: "connection is closed") }
        return handle
    }

    /// The raw handle, for the listener's socket polling.
    var rawHandle: OpaquePointer? { handle }

    private func failure(_ handle: OpaquePointer, _ context: String) -> PostgresError {
        if PQstatus(handle) == CONNECTION_BAD { broken = true }
        return .connection(handle, context: context)
    }

    /// Throws the result's error, marking the connection broken when libpq says it is.
    private func check(_ result: PostgresResult, _ handle: OpaquePointer) throws -> PostgresResult {
        switch PQresultStatus(result.handle) {
        case PGRES_TUPLES_OK, PGRES_COMMAND_OK, PGRES_EMPTY_QUERY:
            return result
        default:
            let error = PostgresError(result: result.handle, connection: handle)
            if error.kind == .connectionFailure || PQstatus(handle) == CONNECTION_BAD { broken = true }
            throw error
        }
    }

    private func run(_ query: PostgresQuery) throws -> PostgresResult {
        let handle = try requireHandle()
        try refuseNUL(in: query)
        let types = query.bindings.types
        if let name = statements.lookup(query.sql, types: types) {
            let wasIdle = PQtransactionStatus(handle) == PQTRANS_IDLE
            do {
                return try executePrepared(name, query.bindings, handle)
            } catch let error as PostgresError where error.sqlState == "26000" && wasIdle {
                // The server lost our statements (DISCARD ALL, a pooler, a reset): forget them all
                // and prepare again, once. Inside a transaction the error has already aborted it,
                // so the caller has to see it.
                statements.removeAll()
            } catch let error as PostgresError where error.sqlState == "0A000" && wasIdle {
                // "cached plan must not change result type": a migration changed a table under a
                // prepared `SELECT *`. The failed statement had no effect; prepare it afresh, once.
                statements.remove(query.sql)
                pendingDeallocations.append(name)
            }
        }
        let name = try prepare(query.sql, types: types, handle)
        return try executePrepared(name, query.bindings, handle)
    }

    private func prepare(_ sql: String, types: [UInt32], _ handle: OpaquePointer) throws -> String {
        let (name, evicted) = statements.insert(sql, types: types)
        pendingDeallocations += evicted
        deallocatePendingIfIdle(handle)
        let raw = types.withUnsafeBufferPointer { oids in
            PQprepare(handle, name, sql, Int32(types.count), oids.baseAddress)
        }
        guard let raw else {
            statements.remove(sql)
            throw failure(handle, "prepare failed")
        }
        do {
            _ = try check(PostgresResult(raw), handle)
        } catch {
            statements.remove(sql)
            throw error
        }
        return name
    }

    private func executePrepared(_ name: String, _ bindings: PostgresBindings, _ handle: OpaquePointer) throws -> PostgresResult {
        let raw = bindings.withCArrays { arrays in
            PQexecPrepared(handle, name, Int32(bindings.count), arrays.values, arrays.lengths, arrays.formats, 0)
        }
        guard let raw else { throw failure(handle, "query failed") }
        return try check(PostgresResult(raw), handle)
    }

    /// Sends `queries` and COMMIT together (libpq pipeline mode) and reads their results: one
    /// round trip, so whatever the queries lock is held only while the server runs them and
    /// commits, never while this process is descheduled between statements. A failing query
    /// aborts the rest (the transaction stays failed for the caller to roll back) and is thrown.
    func commit(after queries: [PostgresQuery]) throws {
        let handle = try requireHandle()
        // Prepare outside the pipeline (a statement already cached costs nothing here).
        var names: [String] = []
        for query in queries {
            try refuseNUL(in: query)
            let types = query.bindings.types
            names.append(try statements.lookup(query.sql, types: types) ?? prepare(query.sql, types: types, handle))
        }
        guard PQenterPipelineMode(handle) == 1 else { throw failure(handle, "pipeline mode refused") }
        defer { _ = PQexitPipelineMode(handle) }
        for (query, name) in zip(queries, names) {
            let sent = query.bindings.withCArrays { arrays in
                PQsendQueryPrepared(handle, name, Int32(query.bindings.count), arrays.values, arrays.lengths,
                                    arrays.formats, 0)
            }
            guard sent == 1 else { throw failure(handle, "sending a pipelined query failed") }
        }
        guard PQsendQueryParams(handle, "COMMIT", 0, nil, nil, nil, nil, 0) == 1, PQpipelineSync(handle) == 1 else {
            throw failure(handle, "sending COMMIT failed")
        }
        // Each query's results end with a NULL; the sync's own result closes the pipeline.
        var firstError: PostgresError?
        for _ in 0...queries.count {
            while let raw = PQgetResult(handle) {
                if PQresultStatus(raw) == PGRES_FATAL_ERROR, firstError == nil {
                    firstError = PostgresError(result: raw, connection: handle)
                }
                PQclear(raw)
            }
        }
        guard let sync = PQgetResult(handle) else { throw failure(handle, "pipeline ended without its sync") }
        let syncStatus = PQresultStatus(sync)
        PQclear(sync)
        if let firstError {
            if firstError.kind == .connectionFailure || PQstatus(handle) == CONNECTION_BAD { broken = true }
            throw firstError
        }
        guard syncStatus == PGRES_PIPELINE_SYNC else { throw failure(handle, "pipeline sync failed") }
    }

    /// Text binds travel as C strings: a value holding a NUL byte would be cut short silently, so
    /// the query is refused instead.
    private func refuseNUL(in query: PostgresQuery) throws {
        if let position = query.bindings.firstValueWithNUL {
            throw PostgresError(kind: .client, debugMessage: "bind $\(position) contains a NUL byte, which PostgreSQL text cannot hold")
        }
    }

    /// DEALLOCATE only outside a transaction: failing inside one would abort the caller's work.
    private func deallocatePendingIfIdle(_ handle: OpaquePointer) {
        guard !pendingDeallocations.isEmpty, PQtransactionStatus(handle) == PQTRANS_IDLE else { return }
        // Our own generated names: safe to put in SQL text.
        for name in pendingDeallocations {
            if let result = PQexec(handle, "DEALLOCATE \(name)") { PQclear(result) }
        }
        pendingDeallocations.removeAll()
    }

    private static func open(_ configuration: Configuration) throws -> OpaquePointer {
        guard let handle = PQconnectdb(configuration.url) else {
            throw PostgresError(kind: .connectionFailure, debugMessage: "libpq could not allocate a connection")
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let error = PostgresError.connection(handle, context: "could not connect")
            PQfinish(handle)
            throw error
        }
        // libpq prints notices (and the error a terminated backend sends while idle) to stderr by
        // default; they are not ours to print, and the errors that matter come back as results.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        // ISO dates are what the decoders parse; the timeouts bound runaway statements and
        // forgotten transactions. Values go as binds, so no text is built here.
        func milliseconds(_ d: Duration?) -> String {
            guard let d else { return "" }
            let (seconds, attoseconds) = d.components
            return String(seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        }
        let statementTimeout = milliseconds(configuration.statementTimeout)
        let idleTimeout = milliseconds(configuration.idleInTransactionSessionTimeout)
        let sql = """
            SELECT set_config('DateStyle', 'ISO, MDY', false),
                   CASE WHEN $1 <> '' THEN set_config('statement_timeout', $1, false) END,
                   CASE WHEN $2 <> '' THEN set_config('idle_in_transaction_session_timeout', $2, false) END
            """
        let result = statementTimeout.withCString { p1 in
            idleTimeout.withCString { p2 in
                let values: [UnsafePointer<CChar>?] = [p1, p2]
                return PQexecParams(handle, sql, 2, nil, values, nil, nil, 0)
            }
        }
        guard let result else {
            let error = PostgresError.connection(handle, context: "session setup failed")
            PQfinish(handle)
            throw error
        }
        defer { PQclear(result) }
        guard PQresultStatus(result) == PGRES_TUPLES_OK else {
            let error = PostgresError(result: result, connection: handle)
            PQfinish(handle)
            throw error
        }
        return handle
    }
}

/// Where a session stands with respect to transactions (`PQtransactionStatus`).
public enum PostgresTransactionStatus: Sendable {
    /// Outside a transaction.
    case idle
    /// Inside a healthy transaction.
    case inTransaction
    /// Inside a transaction that failed and must be rolled back.
    case failedTransaction
    /// A command is in progress.
    case active
    /// Closed or broken.
    case unknown
}
