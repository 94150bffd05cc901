import Foundation
import JobQueue
import Postgres
import Testing
import TestSupport
@testable import Worker

/// A real `kinerja-worker` process (the executable `swift build` made) killed with SIGKILL while a
/// job runs: no signal handler, no grace period, no cleanup. A second process's leader rescues the
/// job once its heartbeat is stale, runs it again, and the e-mail it sends arrives exactly once.
///
/// Isolated from every other test: the queue tables live in a schema of their own (migrations
/// 0002, 0010 and 0011 applied there), the SMTP server is the test's own, and heartbeat and rescue
/// bounds are short through the environment (`KINERJA_WORKER_HEARTBEAT_MS`,
/// `KINERJA_WORKER_RESCUE_AFTER_MS`). The slow job is the test-only kind `test.slow-email`
/// (`KINERJA_WORKER_TEST_KINDS`). Every wait polls with a generous deadline; nothing is timed.
@Suite(.requiresDatabase) struct WorkerProcessKillTests {
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    static var executable: String { root.appendingPathComponent(".build/debug/kinerja-worker").path }

    func launch(_ environment: [String: String], log: URL) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.executable)
        process.environment = environment
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        return process
    }

    @Test func aWorkerKilledMidJobHasItsJobRescuedAndCompletedOnce() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.executable), "build first: \(Self.executable)")
        let app = try #require(TestEnvironment.databaseURL)
        try PostgresTestDatabase.withSchema { ownerURL, schema in
            let owner = try PostgresConnection(url: ownerURL)
            defer { owner.close() }
            for name in ["0002_tenants.sql", "0010_jobs.sql", "0011_job_mail_deliveries.sql"] {
                try owner.simpleQuery(try String(contentsOf: Self.root.appendingPathComponent("migrations/" + name), encoding: .utf8))
            }
            try owner.simpleQuery("GRANT USAGE ON SCHEMA \(schema) TO kinerja_app")
            let appURL = PostgresTestDatabase.url(app, searchPath: schema)

            let sink = try SMTPSink()
            defer { sink.stop() }
            let name = "kill_" + UUID().uuidString.prefix(8).lowercased()
            let pool = PostgresPool(configuration: .init(url: appURL, maxConnections: 2), logger: .silent)
            defer { pool.close() }
            let queue = JobQueue(pool: pool, configuration: .init(name: name), logger: .silent)
            let token = UUID().uuidString
            let args = SlowEmailTestJob(sleepMilliseconds: 4000, email: EmailJob(
                to: [EmailJob.Recipient(address: "siti@karawang.example", name: "Siti Rahmawati")],
                subject: "Uji pekerja dihentikan – \(token)", text: "Kode: \(token)\n"))
            let id = try #require(try pool.transaction { c in
                try queue.enqueue(on: c, kind: SlowEmailTestJob.kind, args: args, maxAttempts: 5)
            })
            func row() throws -> (state: String, attempt: Int, by: String?, errors: String) {
                try #require(try owner.query("""
                    SELECT state::text, attempt, attempted_by, errors::text FROM jobs WHERE id = \(id)
                    """).first).decode((String, Int, String?, String).self)
            }

            let environment = [
                "KINERJA_DATABASE_URL": appURL, "KINERJA_WORKER_QUEUE": name, "KINERJA_WORKER_THREADS": "1",
                "KINERJA_WORKER_TEST_KINDS": SlowEmailTestJob.kind, "KINERJA_WORKER_METRICS_PORT": "0",
                "KINERJA_WORKER_HEARTBEAT_MS": "200", "KINERJA_WORKER_RESCUE_AFTER_MS": "1000",
                "KINERJA_SMTP_URL": sink.url, "KINERJA_SMTP_STARTTLS": "none", "KINERJA_LOG_LEVEL": "info",
                "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            ]
            let logs = FileManager.default.temporaryDirectory.appendingPathComponent("kinerja-kill-" + token)
            try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: logs) }

            // The first worker claims the job and is killed while its handler waits.
            let first = try launch(environment, log: logs.appendingPathComponent("first.log"))
            let firstTag = "-\(first.processIdentifier)-"
            let claimed = try eventually(timeout: .seconds(120)) { let r = try row(); return r.state == "running" && r.by?.contains(firstTag) == true }
            #expect(claimed, "first worker never ran the job: \((try? String(contentsOf: logs.appendingPathComponent("first.log"), encoding: .utf8)) ?? "")")
            kill(first.processIdentifier, SIGKILL)
            first.waitUntilExit()
            #expect(first.terminationReason == .uncaughtSignal && first.terminationStatus == SIGKILL)
            // Dead mid-job: the row still says running on attempt 1, and nothing can change it but a rescuer.
            let orphan = try row()
            #expect(orphan.state == "running" && orphan.attempt == 1)

            // The second worker's leader rescues it after 1 s without heartbeat; its thread runs it again.
            let second = try launch(environment, log: logs.appendingPathComponent("second.log"))
            defer { if second.isRunning { kill(second.processIdentifier, SIGKILL) } }
            let done = try eventually(timeout: .seconds(120)) { try row().state == "completed" }
            #expect(done, "job not completed: \((try? String(contentsOf: logs.appendingPathComponent("second.log"), encoding: .utf8)) ?? "")")
            let final = try row()
            #expect(final.attempt == 2)
            #expect(final.by?.contains("-\(second.processIdentifier)-") == true)
            #expect(final.errors.contains("rescued: no heartbeat from") && final.errors.contains(firstTag))

            // Exactly once: one message at the SMTP server, one delivery row. (Had the first worker
            // sent before it died, its delivery row would have stopped the second from sending.)
            #expect(try sink.waitForMessages(containing: token).count == 1)
            let deliveries = try owner.query("SELECT count(*)::int FROM job_mail_deliveries WHERE job_id = \(id)")
            #expect(try deliveries.first?.decode(Int.self, at: 0) == 1)

            // The second worker drains on SIGTERM and exits cleanly.
            second.terminate()
            second.waitUntilExit()
            #expect(second.terminationReason == .exit && second.terminationStatus == 0)
        }
    }
}
