import Testing
import TestSupport

extension Trait where Self == ConditionTrait {
    /// Skips a test, saying why, when `scripts/test` did not provide a database.
    static var requiresDatabase: Self {
        .enabled(if: PostgresTestDatabase.isAvailable,
                 "KINERJA_TEST_OWNER_URL / KINERJA_TEST_SUPERUSER_URL not set: run scripts/test")
    }
}
