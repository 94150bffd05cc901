/// A statement whose interpolated values become `$n` binds, so a value can never change the SQL.
///
/// ```swift
/// let query: PostgresQuery = "SELECT name FROM users WHERE id = \(id) AND active = \(true)"
/// // sql: "SELECT name FROM users WHERE id = $1 AND active = $2", two binds
/// ```
/// Trusted identifiers (never user input) go in with `\(unescaped:)`.
public struct PostgresQuery: ExpressibleByStringInterpolation, Sendable, CustomStringConvertible {
    /// The SQL text with `$1`, `$2`, ... placeholders.
    public var sql: String
    /// The values, in placeholder order.
    public var bindings: PostgresBindings

    /// A query from SQL text and already-collected binds.
    public init(unsafeSQL sql: String, bindings: PostgresBindings = PostgresBindings()) {
        self.sql = sql
        self.bindings = bindings
    }

    /// A query without binds.
    public init(stringLiteral value: String) {
        self.init(unsafeSQL: value)
    }

    /// A query built by interpolation.
    public init(stringInterpolation: StringInterpolation) {
        self.init(unsafeSQL: stringInterpolation.sql, bindings: stringInterpolation.bindings)
    }

    /// The SQL and the number of binds; never the bind values.
    public var description: String { "\(sql) [\(bindings.count) binds]" }

    /// Collects SQL text and binds while the literal is being built.
    public struct StringInterpolation: StringInterpolationProtocol {
        /// The SQL so far.
        public var sql: String
        /// The binds so far.
        public var bindings: PostgresBindings

        /// Reserves room for the literal parts.
        public init(literalCapacity: Int, interpolationCount: Int) {
            sql = ""
            sql.reserveCapacity(literalCapacity + interpolationCount * 3)
            bindings = PostgresBindings(capacity: interpolationCount)
        }

        /// Appends SQL text written in the source.
        public mutating func appendLiteral(_ literal: String) {
            sql += literal
        }

        /// Appends a value as the next `$n` bind.
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value) {
            bindings.append(value)
            sql += "$"
            sql += String(bindings.count)
        }

        /// Appends an optional value as the next `$n` bind, NULL when nil. (A separate overload so
        /// optionals interpolate without the compiler's "debug description" warning.)
        public mutating func appendInterpolation<Value: PostgresEncodable>(_ value: Value?) {
            bindings.append(value)
            sql += "$"
            sql += String(bindings.count)
        }

        /// Appends text verbatim into the SQL. Only for trusted identifiers and keywords that
        /// come from code, never from input: this is the one way around the binds.
        public mutating func appendInterpolation(unescaped text: String) {
            sql += text
        }
    }
}
