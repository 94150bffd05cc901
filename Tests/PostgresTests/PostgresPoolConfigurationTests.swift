import Testing
@testable import Postgres
import Runtime

struct PostgresPoolConfigurationTests {
    @Test func readsTheEnvironment() throws {
        var reader = EnvironmentReader(["KINERJA_DATABASE_URL": "postgres://app@db/kinerja", "KINERJA_DATABASE_POOL_SIZE": "16",
                                        "KINERJA_DATABASE_STATEMENT_TIMEOUT_MS": "0", "KINERJA_DATABASE_MAX_CONNECTION_AGE_S": "60"])
        let config = PostgresPool.Configuration(reading: &reader, defaultPoolSize: 8)
        try reader.validate()
        #expect(config.connection.url == "postgres://app@db/kinerja" && config.maxConnections == 16)
        #expect(config.acquireTimeout == .seconds(5) && config.maxConnectionAge == .seconds(60))
        #expect(config.connection.statementTimeout == nil && config.connection.idleInTransactionSessionTimeout == .seconds(60))
    }

    @Test func reportsEveryProblem() {
        var reader = EnvironmentReader(["KINERJA_DATABASE_POOL_SIZE": "0", "KINERJA_DATABASE_ACQUIRE_TIMEOUT_MS": "soon"])
        _ = PostgresPool.Configuration(reading: &reader)
        let error = #expect(throws: ConfigurationError.self) { try reader.validate() }
        #expect(error?.problems.map(\.name) == ["KINERJA_DATABASE_URL", "KINERJA_DATABASE_POOL_SIZE", "KINERJA_DATABASE_ACQUIRE_TIMEOUT_MS"])
    }
}
