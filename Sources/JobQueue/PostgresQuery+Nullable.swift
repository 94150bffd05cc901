import Postgres

extension PostgresQuery.StringInterpolation {
    /// Appends an optional value as a bind (nil becomes a typed NULL). Spelled `\(nullable: x)`
    /// because a bare `\(x)` of an optional draws the compiler's "debug description" warning,
    /// although the bind itself is correct.
    mutating func appendInterpolation<Value: PostgresEncodable>(nullable value: Value?) {
        appendInterpolation(value)
    }
}
