import Runtime

extension PostgresPool.Configuration {
    /// Reads the pool settings from the environment, collecting problems in `reader` (call
    /// `reader.validate()` after reading everything else):
    ///
    /// | variable | default |
    /// |---|---|
    /// | `KINERJA_DATABASE_URL` | required |
    /// | `KINERJA_DATABASE_POOL_SIZE` | `defaultPoolSize` (1...1000) |
    /// | `KINERJA_DATABASE_ACQUIRE_TIMEOUT_MS` | 5000 |
    /// | `KINERJA_DATABASE_STATEMENT_TIMEOUT_MS` | 30000 (0 keeps the server's) |
    /// | `KINERJA_DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS` | 60000 (0 keeps the server's) |
    /// | `KINERJA_DATABASE_MAX_CONNECTION_AGE_S` | 1800 (0 keeps connections forever) |
    public init(reading reader: inout EnvironmentReader, defaultPoolSize: Int = 10) {
        let url = reader.required("KINERJA_DATABASE_URL")
        let size = reader.int("KINERJA_DATABASE_POOL_SIZE", default: defaultPoolSize, in: 1...1000)
        let acquire = reader.int("KINERJA_DATABASE_ACQUIRE_TIMEOUT_MS", default: 5000, in: 1...600_000)
        let statement = reader.int("KINERJA_DATABASE_STATEMENT_TIMEOUT_MS", default: 30_000, in: 0...86_400_000)
        let idle = reader.int("KINERJA_DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS", default: 60_000, in: 0...86_400_000)
        let age = reader.int("KINERJA_DATABASE_MAX_CONNECTION_AGE_S", default: 1800, in: 0...604_800)
        self.init(url: url, maxConnections: size, acquireTimeout: .milliseconds(acquire),
                  maxConnectionAge: age == 0 ? nil : .seconds(age),
                  statementTimeout: statement == 0 ? nil : .milliseconds(statement),
                  idleInTransactionSessionTimeout: idle == 0 ? nil : .milliseconds(idle))
    }
}
