import Foundation
import Synchronization
import Testing
import TestSupport
@testable import Postgres
import Runtime

@Suite(.requiresDatabase)
struct MigratorTests {
    /// A fresh temporary directory, removed afterwards.
    func withDirectory<T>(_ body: (URL) throws -> T) throws -> T {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("migrations-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        return try body(dir)
    }

    func write(_ dir: URL, _ name: String, _ sql: String) throws {
        try Data(sql.utf8).write(to: dir.appendingPathComponent(name))
    }

    func scalar<T: PostgresDecodable>(_ url: String, _ query: PostgresQuery, as: T.Type) throws -> T {
        let c = try PostgresConnection(url: url)
        defer { c.close() }
        return try #require(try c.query(query).first).decode(T.self, at: 0)
    }

    @Test func appliesInOrderOnceAndRecordsChecksums() throws {
        try PostgresTestDatabase.withDatabase { url throws in
            try withDirectory { dir throws in
                try write(dir, "0001_units.sql", "CREATE TABLE units (id int PRIMARY KEY, name text NOT NULL);")
                try write(dir, "0002_people.sql", """
                    CREATE TABLE people (id int PRIMARY KEY, unit int REFERENCES units);
                    INSERT INTO units VALUES (1, 'Dinas Pendidikan');
                    """)
                try write(dir, "README.md", "not a migration")
                let migrator = Migrator(directory: dir, databaseURL: url, logger: .silent)
                #expect(try migrator.status().map(\.state) == [.pending, .pending])

                let report = try migrator.migrate()
                #expect(report.applied.map(\.fileName) == ["0001_units.sql", "0002_people.sql"])
                #expect(try scalar(url, "SELECT count(*) FROM units", as: Int.self) == 1)

                let statuses = try migrator.status()
                #expect(statuses.map(\.state) == [.applied, .applied])
                #expect(statuses.allSatisfy { $0.appliedAt != nil && $0.appliedChecksum == $0.fileChecksum })
                // The checksum is the SHA-256 of the file's bytes.
                let expected = try scalar(url, "SELECT encode(sha256(convert_to(\("CREATE TABLE units (id int PRIMARY KEY, name text NOT NULL);"), 'UTF8')), 'hex')", as: String.self)
                #expect(statuses.first?.fileChecksum == expected && expected.count == 64)

                // Re-running is a no-op.
                #expect(try migrator.migrate().applied.isEmpty)
                #expect(try scalar(url, "SELECT count(*) FROM schema_migrations", as: Int.self) == 2)

                // A new file is applied on the next run.
                try write(dir, "0003_more.sql", "ALTER TABLE units ADD COLUMN code text;")
                #expect(try migrator.migrate().applied.map(\.version) == [3])
            }
        }
    }

    @Test func changedAppliedFileIsRefusedBeforeAnythingIsApplied() throws {
        try PostgresTestDatabase.withDatabase { url throws in
            try withDirectory { dir throws in
                try write(dir, "0001_units.sql", "CREATE TABLE units (id int PRIMARY KEY);")
                let migrator = Migrator(directory: dir, databaseURL: url, logger: .silent)
                try migrator.migrate()
                try write(dir, "0001_units.sql", "CREATE TABLE units (id bigint PRIMARY KEY);")
                try write(dir, "0002_people.sql", "CREATE TABLE people (id int);")
                let error = #expect(throws: MigrationError.self) { try migrator.migrate() }
                guard case .changed(let file, let applied, let current)? = error else {
                    Issue.record("expected .changed, got \(String(describing: error))")
                    return
                }
                #expect(file == "0001_units.sql" && applied != current && applied.count == 64 && current.count == 64)
                let text = String(describing: try #require(error))
                #expect(text.contains("0001_units.sql") && text.contains(applied) && text.contains(current))
                #expect(try scalar(url, "SELECT to_regclass('people') IS NULL", as: Bool.self))  // 0002 not applied
                #expect(try migrator.status().map(\.state) == [.changed, .pending])
            }
        }
    }

    @Test func failingMigrationRollsBackCompletelyAndKeepsEarlierOnes() throws {
        try PostgresTestDatabase.withDatabase { url throws in
            try withDirectory { dir throws in
                try write(dir, "0001_units.sql", "CREATE TABLE units (id int PRIMARY KEY);")
                try write(dir, "0002_broken.sql", """
                    CREATE TABLE half (id int);
                    INSERT INTO units VALUES (1);
                    SELECT * FROM no_such_table;
                    """)
                try write(dir, "0003_after.sql", "CREATE TABLE after (id int);")
                let migrator = Migrator(directory: dir, databaseURL: url, logger: .silent)
                let error = #expect(throws: MigrationError.self) { try migrator.migrate() }
                guard case .failed(let file, let underlying)? = error else {
                    Issue.record("expected .failed, got \(String(describing: error))")
                    return
                }
                #expect(file == "0002_broken.sql" && underlying.sqlState == "42P01")
                #expect(try scalar(url, "SELECT to_regclass('half') IS NULL", as: Bool.self))
                #expect(try scalar(url, "SELECT count(*) FROM units", as: Int.self) == 0)
                #expect(try scalar(url, "SELECT to_regclass('after') IS NULL", as: Bool.self))
                #expect(try migrator.status().map(\.state) == [.applied, .pending, .pending])
            }
        }
    }

    @Test func concurrentRunsApplyEachMigrationOnce() throws {
        try PostgresTestDatabase.withDatabase { url throws in
            try withDirectory { dir throws in
                // A slow first migration makes the runs overlap; a non-idempotent second one
                // would fail if it ran twice.
                try write(dir, "0001_slow.sql", "SELECT pg_sleep(0.3); CREATE TABLE counter (n int);")
                try write(dir, "0002_insert.sql", "INSERT INTO counter VALUES (1);")
                let applied = Mutex<[[Int]]>([])
                let failures = Mutex<[String]>([])
                let threads = (0..<2).map { _ in
                    Thread {
                        do {
                            let report = try Migrator(directory: dir, databaseURL: url, logger: .silent).migrate()
                            applied.withLock { $0.append(report.applied.map(\.version)) }
                        } catch {
                            failures.withLock { $0.append(String(describing: error)) }
                        }
                    }
                }
                threads.forEach { $0.start() }
                let deadline = ContinuousClock.now + .seconds(20)
                while applied.withLock({ $0.count }) + failures.withLock({ $0.count }) < 2, ContinuousClock.now < deadline {
                    Thread.sleep(forTimeInterval: 0.02)
                }
                #expect(failures.withLock { $0 } == [])
                #expect(applied.withLock { $0 }.sorted { $0.count < $1.count } == [[], [1, 2]])
                #expect(try scalar(url, "SELECT count(*) FROM counter", as: Int.self) == 1)
            }
        }
    }

    @Test func missingAppliedFileIsReported() throws {
        try PostgresTestDatabase.withDatabase { url throws in
            try withDirectory { dir throws in
                try write(dir, "0001_units.sql", "CREATE TABLE units (id int);")
                try write(dir, "0002_people.sql", "CREATE TABLE people (id int);")
                let migrator = Migrator(directory: dir, databaseURL: url, logger: .silent)
                try migrator.migrate()
                try FileManager.default.removeItem(at: dir.appendingPathComponent("0001_units.sql"))
                let statuses = try migrator.status()
                #expect(statuses.map(\.state) == [.missingFile, .applied])
                #expect(statuses.first?.name == "units")
                #expect(try migrator.migrate().missingFiles.map(\.version) == [1])
            }
        }
    }

    @Test(arguments: ["1_short.sql", "0001-dash.sql", "0001_Upper.sql", "abcd_name.sql", "0001_.sql", "0001_sp ace.sql"])
    func badFileNamesAreErrors(_ name: String) throws {
        try withDirectory { dir throws in
            try write(dir, "0001_ok.sql", "SELECT 1;")
            try write(dir, name, "SELECT 1;")
            let error = #expect(throws: MigrationError.self) { try Migration.load(from: dir) }
            #expect(String(describing: try #require(error)).contains(name))
        }
    }

    @Test func duplicateVersionsAreErrors() throws {
        try withDirectory { dir throws in
            try write(dir, "0001_a.sql", "SELECT 1;")
            try write(dir, "0001_b.sql", "SELECT 1;")
            #expect(throws: MigrationError.self) { try Migration.load(from: dir) }
        }
    }

    @Test func commandExitCodesAndOutput() throws {
        try PostgresTestDatabase.withDatabase { url throws in
            try withDirectory { dir throws in
                try write(dir, "0001_units.sql", "CREATE TABLE units (id int);")
                let out = Mutex<[String]>([])
                let err = Mutex<[String]>([])
                func run(_ args: [String], _ env: [String: String]) -> Int32 {
                    Migrator.runCommand(arguments: args, environment: env, logger: .silent,
                                        output: { line in out.withLock { $0.append(line) } },
                                        errorOutput: { line in err.withLock { $0.append(line) } })
                }
                let env = ["KINERJA_DATABASE_URL": "postgres://wrong@127.0.0.1:1/x", "KINERJA_MIGRATION_DATABASE_URL": url]
                #expect(run(["--dir", dir.path, "--status"], env) == 0)
                #expect(out.withLock { $0.last }?.hasPrefix("0001_units  pending") == true)
                #expect(run(["--dir", dir.path], env) == 0)
                #expect(out.withLock { $0.last } == "migrate: applied 0001_units.sql")
                #expect(run(["--dir", dir.path], env) == 0)
                #expect(out.withLock { $0.last } == "migrate: nothing to apply")
                #expect(run(["--frobnicate"], env) == 2)
                #expect(run(["--dir"], env) == 2)
                #expect(run(["--dir", dir.path], [:]) == 1)
                #expect(err.withLock { $0.last }?.contains("KINERJA_DATABASE_URL is required") == true)
                #expect(run(["--dir", dir.path + "/nope"], env) == 1)
                #expect(run(["--dir", dir.path], ["KINERJA_DATABASE_URL": "postgres://wrong@127.0.0.1:1/x"]) == 1)
                #expect(err.withLock { $0.last }?.contains("connection failure") == true)
            }
        }
    }
}
