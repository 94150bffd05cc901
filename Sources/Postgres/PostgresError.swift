import CLibPQ

/// An error from the server, the connection or the pool.
///
/// `description` names only the kind, the SQLSTATE and schema objects (constraint, table,
/// column): the server's message and detail can quote row values (`Key (email)=(a@b.c)`), so they
/// live in `debugMessage`, which a caller logs deliberately or not at all. A client error, raised
/// by this module and holding no row values, says what it is.
public struct PostgresError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as callers branch on it.
    public enum Kind: Sendable, Hashable {
        /// 23505.
        case uniqueViolation
        /// 23503.
        case foreignKeyViolation
        /// 23514.
        case checkViolation
        /// 23502.
        case notNullViolation
        /// 40001: retry the whole transaction.
        case serializationFailure
        /// 40P01: retry the whole transaction.
        case deadlock
        /// 57014: statement timeout or cancel request.
        case queryCanceled
        /// Connecting failed, or the connection broke (server restart, terminated backend).
        case connectionFailure
        /// The pool had no connection to give within the acquire timeout (map to 503).
        case poolTimeout
        /// The pool was closed.
        case poolClosed
        /// Any other server error; see `sqlState`.
        case server
        /// The client could not run the statement (bad argument, unexpected result).
        case client
    }

    /// The kind, derived from the SQLSTATE where there is one.
    public let kind: Kind
    /// The five-character SQLSTATE, when the server sent one.
    public let sqlState: String?
    /// The violated constraint's name (schema, not data).
    public let constraintName: String?
    /// The table involved, when the server names one.
    public let tableName: String?
    /// The column involved, when the server names one.
    public let columnName: String?
    /// The full message, detail and hint. May contain row values: log it only on purpose.
    public let debugMessage: String

    /// Builds an error; `kind` defaults from the SQLSTATE.
    public init(kind: Kind? = nil, sqlState: String? = nil, constraintName: String? = nil,
                tableName: String? = nil, columnName: String? = nil, debugMessage: String) {
        self.kind = kind ?? sqlState.map(PostgresError.kind(forSQLState:)) ?? .client
        self.sqlState = sqlState
        self.constraintName = constraintName
        self.tableName = tableName
        self.columnName = columnName
        self.debugMessage = debugMessage
    }

    /// The kind for a SQLSTATE; class 08 (connection exception) and 57P01..57P03 (the server
    /// terminated or is shutting down) mean the connection is gone.
    public static func kind(forSQLState state: String) -> Kind {
        switch state {
        case "23505": .uniqueViolation
        case "23503": .foreignKeyViolation
        case "23514": .checkViolation
        case "23502": .notNullViolation
        case "40001": .serializationFailure
        case "40P01": .deadlock
        case "57014": .queryCanceled
        case "57P01", "57P02", "57P03": .connectionFailure
        default: state.hasPrefix("08") ? .connectionFailure : .server
        }
    }

    /// True for errors after which re-running the whole transaction can succeed.
    public var isTransient: Bool { kind == .serializationFailure || kind == .deadlock }

    /// Safe to log and to show operators: no message text from the server.
    public var description: String {
        var text: String
        switch kind {
        case .uniqueViolation: text = "unique violation"
        case .foreignKeyViolation: text = "foreign key violation"
        case .checkViolation: text = "check violation"
        case .notNullViolation: text = "not-null violation"
        case .serializationFailure: text = "serialization failure"
        case .deadlock: text = "deadlock detected"
        case .queryCanceled: text = "query canceled (statement timeout or cancel)"
        case .connectionFailure: text = "connection failure"
        case .poolTimeout: text = "no database connection available within the acquire timeout"
        case .poolClosed: text = "connection pool is closed"
        case .server: text = "server error"
        // Ours, or libpq's about the connection, never the server's: no row values in it.
        case .client: text = "client error: " + debugMessage
        }
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        if let constraintName { text += " constraint \"\(constraintName)\"" }
        if let tableName { text += " table \"\(tableName)\"" }
        if let columnName { text += " column \"\(columnName)\"" }
        return text
    }
}

extension PostgresError {
    /// Reads the diagnostic fields of a failed result.
    init(result: OpaquePointer, connection: OpaquePointer?) {
        func field(_ code: Int32) -> String? {
            guard let p = PQresultErrorField(result, code) else { return nil }
            return String(cString: p)
        }
        let state = field(Int32(UInt8(ascii: "C")))  // PG_DIAG_SQLSTATE
        var message = field(Int32(UInt8(ascii: "M"))) ?? ""  // PG_DIAG_MESSAGE_PRIMARY
        if message.isEmpty, let p = PQresultErrorMessage(result) { message = String(cString: p) }
        if let detail = field(Int32(UInt8(ascii: "D"))) { message += "\nDETAIL: " + detail }
        if let hint = field(Int32(UInt8(ascii: "H"))) { message += "\nHINT: " + hint }
        var kind: Kind? = nil
        // libpq reports a lost connection as a fatal result without a SQLSTATE.
        if state == nil, let connection, PQstatus(connection) == CONNECTION_BAD { kind = .connectionFailure }
        self.init(kind: kind, sqlState: state,
                  constraintName: field(Int32(UInt8(ascii: "n"))),  // PG_DIAG_CONSTRAINT_NAME
                  tableName: field(Int32(UInt8(ascii: "t"))),  // PG_DIAG_TABLE_NAME
                  columnName: field(Int32(UInt8(ascii: "c"))),  // PG_DIAG_COLUMN_NAME
                  debugMessage: message)
    }

    /// A connection-level error from `PQerrorMessage`.
    static func connection(_ handle: OpaquePointer?, context: String) -> PostgresError {
        var message = context
        if let handle, let p = PQerrorMessage(handle) {
            let text = String(cString: p).trimmingTrailingNewlines()
            if !text.isEmpty { message += ": " + text }
        }
        return PostgresError(kind: .connectionFailure, debugMessage: message)
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = Substring(self)
        while let last = s.last, last == "\n" || last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
