import Foundation
import JobQueue
import Postgres
import Testing
import TestSupport
@testable import Worker

/// The worker's `/metrics` over HTTP: this process's counters (failures and discards by kind,
/// pickup latency by kind) and the database's count of jobs by kind, state and tenant.
@Suite(.requiresDatabase) struct WorkerMetricsTests {
    @Test func metricsShowJobsByKindStateAndTenantAndFailuresByKind() async throws {
        let app = try #require(TestEnvironment.databaseURL)
        let sink = try SMTPSink()
        defer { sink.stop() }
        var configuration = try WorkerConfiguration.fromEnvironment([
            "KINERJA_DATABASE_URL": app, "KINERJA_SMTP_URL": sink.url, "KINERJA_SMTP_STARTTLS": "none",
            "KINERJA_WORKER_METRICS_PORT": "0", "KINERJA_WORKER_THREADS": "2",
        ])
        let suffix = UUID().uuidString.prefix(8).lowercased()
        configuration.queue = JobQueue.Configuration(name: "metrics_" + suffix, channel: "metrics_" + suffix,
                                                     leaderLockKey: Int64.random(in: 1...Int64.max))
        let service = try WorkerService(configuration: configuration, logger: .silent)
        let queue = JobQueue(pool: service.pool, configuration: configuration.queue, logger: .silent)
        let karawang = "01935d3a-0000-7000-8000-000000000001"
        let tenant = try #require(UUID(uuidString: karawang))
        let token = UUID().uuidString
        let good = EmailJob(to: [EmailJob.Recipient(address: "siti@karawang.example")], subject: "Uji \(token)", text: "Uji\n")
        let bad = EmailJob(to: [EmailJob.Recipient(address: "bukan alamat")], subject: "Uji", text: "Uji\n")
        let (sent, refused, unknown) = try service.pool.transaction { c in
            (try queue.enqueue(on: c, kind: EmailJob.kind, args: good, tenantID: tenant),
             try queue.enqueue(on: c, kind: EmailJob.kind, args: bad, tenantID: tenant),
             try queue.enqueue(on: c, kind: "report.unknown", args: good, tenantID: tenant))
        }
        try service.start()
        defer { service.stop() }
        func state(_ id: Int?) throws -> JobState? { try queue.job(id: try #require(id), tenantID: tenant)?.state }
        let deadline = ContinuousClock.now + .seconds(60)
        while try (state(sent) != .completed || state(refused) != .discarded), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(try state(unknown) == .available)

        let reply = try await APIClient(port: service.metricsServer.boundPort).get("/metrics")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type")?.hasPrefix("text/plain; version=0.0.4") == true)
        let q = "queue=\"\(configuration.queue.name)\""
        let lines = Set(reply.text.split(separator: "\n").map(String.init))
        #expect(lines.contains("kinerja_jobs{\(q),kind=\"report.unknown\",state=\"available\",tenant=\"\(karawang)\"} 1"))
        #expect(lines.contains("kinerja_jobs{\(q),kind=\"email.send\",state=\"discarded\",tenant=\"\(karawang)\"} 1"))
        #expect(lines.contains("# TYPE kinerja_jobs gauge"))
        #expect(lines.contains("kinerja_job_discards_total{\(q),kind=\"email.send\"} 1"))
        #expect(lines.contains("kinerja_job_failures_total{\(q),kind=\"email.send\"} 1"))
        #expect(lines.contains("kinerja_job_pickup_seconds_count{\(q),kind=\"email.send\"} 2"))
        #expect(lines.contains("kinerja_jobs_total{\(q),kind=\"email.send\",tenant=\"\(karawang)\",outcome=\"completed\"} 1"))
        #expect(lines.contains("kinerja_jobs_gauge_failures_total{\(q)} 0"))
        // Bounded labels: no job ids anywhere, and the unknown kind was never claimed.
        #expect(!reply.text.contains("job_id") && !reply.text.contains("kinerja_job_pickup_seconds_count{\(q),kind=\"report.unknown\"}"))
        #expect(try sink.waitForMessages(containing: token).count == 1)

        // Cleanup: the unknown-kind job would stay available forever in the shared test database.
        try queue.cancel(id: try #require(unknown), tenantID: tenant)
    }
}
