import Foundation
import Postgres

/// Isolated places for database tests, so tests run in parallel without seeing each other:
/// a fresh schema (cheap) or a fresh database (for tests that need a whole database).
public enum PostgresTestDatabase {
    /// True when `scripts/test` exported the URLs.
    public static var isAvailable: Bool {
        TestEnvironment.ownerURL != nil && TestEnvironment.superuserURL != nil
    }

    /// The owner URL, or an error that says how to run database tests.
    public static func ownerURL() throws -> String {
        guard let url = TestEnvironment.ownerURL else { throw Unavailable() }
        return url
    }

    /// The superuser URL, or an error that says how to run database tests.
    public static func superuserURL() throws -> String {
        guard let url = TestEnvironment.superuserURL else { throw Unavailable() }
        return url
    }

    /// Creates schema `t_<random>` owned by the schema owner, calls `body` with an owner URL whose
    /// `search_path` is that schema, and drops the schema afterwards.
    public static func withSchema<T>(_ body: (_ url: String, _ schema: String) throws -> T) throws -> T {
        let owner = try ownerURL()
        let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let admin = try PostgresConnection(url: owner)
        defer { admin.close() }
        try admin.simpleQuery("CREATE SCHEMA \(schema)")
        defer { try? admin.simpleQuery("DROP SCHEMA \(schema) CASCADE") }
        return try body(url(owner, searchPath: schema), schema)
    }

    /// Creates database `t_<random>` owned by the schema owner, calls `body` with an owner URL for
    /// it, and drops it afterwards (terminating leftover sessions).
    public static func withDatabase<T>(_ body: (_ url: String) throws -> T) throws -> T {
        let owner = try ownerURL()
        let name = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let admin = try PostgresConnection(url: try superuserURL())
        defer { admin.close() }
        try admin.simpleQuery("CREATE DATABASE \(name) OWNER kinerja_owner")
        defer { try? admin.simpleQuery("DROP DATABASE \(name) WITH (FORCE)") }
        return try body(url(owner, database: name))
    }

    /// Terminates backend `pid` as superuser and waits (up to 5 s) until its process has exited,
    /// so its socket is closed: it leaves pg_stat_activity a little before that. The test cluster
    /// runs on this machine, so `/proc` shows the process.
    public static func terminateBackend(_ pid: Int32) throws {
        let admin = try PostgresConnection(url: try superuserURL())
        defer { admin.close() }
        try admin.query("SELECT pg_terminate_backend(\(pid))")
        for _ in 0..<250 where FileManager.default.fileExists(atPath: "/proc/\(pid)") {
            Thread.sleep(forTimeInterval: 0.02)
        }
    }

    /// `url` with `options=-c search_path=<schema>` added.
    public static func url(_ url: String, searchPath schema: String) -> String {
        url + (url.contains("?") ? "&" : "?") + "options=-c%20search_path%3D" + schema
    }

    /// `url` pointing at database `name` instead.
    public static func url(_ url: String, database name: String) -> String {
        guard let scheme = url.range(of: "://") else { return url }
        let rest = url[scheme.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return url }
        let end = rest[slash...].firstIndex(of: "?") ?? url.endIndex
        return String(url[..<slash]) + "/" + name + String(url[end...])
    }

    /// Thrown when the environment has no test database.
    public struct Unavailable: Error, CustomStringConvertible {
        /// Says how to get a test database.
        public var description: String { "no test database: run scripts/test (it exports KINERJA_TEST_*_URL)" }
    }
}
