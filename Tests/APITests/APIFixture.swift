import API
import Foundation
import Runtime
import Testing
import TestSupport

/// kinerja-api started in-process on a free port against the test database (migrated by
/// scripts/test), stopped when the test ends.
final class APIFixture: Sendable {
    let service: APIService
    let client: APIClient

    init(_ overrides: [String: String] = [:]) throws {
        let url = try #require(TestEnvironment.databaseURL, "KINERJA_TEST_DATABASE_URL is set by scripts/test")
        var environment = [
            "KINERJA_DATABASE_URL": url, "KINERJA_HTTP_PORT": "0", "KINERJA_LOG_LEVEL": "warning",
            "KINERJA_HANDLER_THREADS": "4", "KINERJA_MIGRATIONS_DIR": APIFixture.migrationsDirectory,
            "KINERJA_HTTP_DRAIN_DELAY_MS": "0",
        ]
        environment.merge(overrides) { $1 }
        let configuration = try APIConfiguration.fromEnvironment(environment, cores: 2)
        service = try APIService(configuration: configuration, logger: .silent)
        try service.start()
        client = APIClient(port: service.server.boundPort)
    }

    deinit { service.stop() }

    /// The repository's `migrations/`, found from this source file's path.
    static let migrationsDirectory: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("migrations")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("0002_tenants.sql").path) {
                return candidate.path
            }
        }
        return "migrations"
    }()
}
