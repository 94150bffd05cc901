import Foundation
import Postgres
import Runtime
import Synchronization
import Testing
import TestSupport
@testable import JobQueue

extension Trait where Self == ConditionTrait {
    /// Skips a test, saying why, when `scripts/test` did not provide a database.
    static var requiresDatabase: Self {
        .enabled(if: PostgresTestDatabase.isAvailable && TestEnvironment.databaseURL != nil,
                 "KINERJA_TEST_*_URL not set: run scripts/test")
    }
}

/// One isolated copy of the queue's tables: a fresh schema with migration 0010 applied by the
/// owner, used through the application role (as production does), dropped afterwards.
struct QueueTestDatabase {
    /// The owner's URL with the schema on the search path (for test setup and inspection).
    let ownerURL: String
    /// The application role's URL with the schema on the search path.
    let appURL: String

    /// Runs `body` against a new schema holding the queue's tables.
    static func with<T>(_ body: (QueueTestDatabase) throws -> T) throws -> T {
        let app = try #require(TestEnvironment.databaseURL)
        return try PostgresTestDatabase.withSchema { ownerURL, schema in
            let owner = try PostgresConnection(url: ownerURL)
            defer { owner.close() }
            try owner.simpleQuery(try migrationSQL())
            try owner.simpleQuery("GRANT USAGE ON SCHEMA \(schema) TO kinerja_app")
            return try body(QueueTestDatabase(ownerURL: ownerURL,
                                              appURL: PostgresTestDatabase.url(app, searchPath: schema)))
        }
    }

    /// The text of `migrations/0010_jobs.sql`, found from this file's place in the repository.
    static func migrationSQL() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try String(contentsOf: root.appendingPathComponent("migrations/0010_jobs.sql"), encoding: .utf8)
    }

    /// A pool of application-role connections with the worker session settings.
    func makePool(maxConnections: Int = 4) -> PostgresPool {
        PostgresPool(configuration: JobQueue.workerPoolConfiguration(url: appURL, maxConnections: maxConnections),
                     logger: .silent)
    }

    /// A queue configuration with a name, channel and leader lock of its own.
    static func isolatedConfiguration() -> JobQueue.Configuration {
        JobQueue.Configuration(name: "q_" + UUID().uuidString.prefix(8).lowercased(),
                               channel: "jobs_" + UUID().uuidString.prefix(8).lowercased(),
                               leaderLockKey: Int64.random(in: 1...Int64.max))
    }

    /// A queue with a name of its own; `configure` adjusts the defaults.
    func makeQueue(maxConnections: Int = 4, _ configure: (inout JobQueue.Configuration) -> Void = { _ in }) -> JobQueue {
        var configuration = Self.isolatedConfiguration()
        configure(&configuration)
        return makeQueue(configuration: configuration, maxConnections: maxConnections)
    }

    /// A queue (with a pool of its own) for `configuration`: two of them act like two processes.
    func makeQueue(configuration: JobQueue.Configuration, maxConnections: Int = 4) -> JobQueue {
        JobQueue(pool: makePool(maxConnections: maxConnections), configuration: configuration, logger: .silent)
    }

    /// Runs `body` on a new owner connection (inspection and time travel in tests).
    @discardableResult
    func owner<T>(_ body: (PostgresConnection) throws -> T) throws -> T {
        let connection = try PostgresConnection(url: ownerURL)
        defer { connection.close() }
        return try body(connection)
    }

    /// The state and attempt of job `id`.
    func stateOf(_ id: Int) throws -> (JobState, Int) {
        try owner { c in
            let row = try #require(try c.query("SELECT state::text, attempt FROM jobs WHERE id = \(id)").first)
            let (state, attempt) = try row.decode((String, Int).self)
            return (try #require(JobState(rawValue: state)), attempt)
        }
    }
}

/// Starts `count` OS threads running `body(index)` and waits for all of them.
func runThreads(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        let thread = Thread {
            body(index)
            group.leave()
        }
        thread.start()
    }
    group.wait()
}

/// Arguments of the test jobs.
struct Payload: Codable, Equatable, Sendable {
    var n: Int
}

/// A gate a handler can wait on, opened by the test.
final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    private let opened = Atomic<Bool>(false)

    /// Blocks until `open` (or `timeout`).
    func wait(timeout: Double = 30) {
        if opened.load(ordering: .acquiring) { return }
        _ = semaphore.wait(timeout: .now() + timeout)
        semaphore.signal()
    }

    /// Lets every waiter through, now and later.
    func open() {
        opened.store(true, ordering: .releasing)
        semaphore.signal()
    }
}
