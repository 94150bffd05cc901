/// A transaction isolation level.
public enum PostgresIsolationLevel: String, Sendable, CaseIterable {
    /// PostgreSQL's default.
    case readCommitted = "READ COMMITTED"
    /// One snapshot for the whole transaction; may fail with 40001.
    case repeatableRead = "REPEATABLE READ"
    /// As if transactions ran one at a time; may fail with 40001.
    case serializable = "SERIALIZABLE"
}
