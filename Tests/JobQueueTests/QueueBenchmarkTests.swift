import Foundation
import Postgres
import Testing
@testable import JobQueue

@Suite(.requiresDatabase)
struct QueueBenchmarkTests {
    @Test func drainRunsEveryJobOnceAndReportsBatching() throws {
        try QueueTestDatabase.with { db in
            let report = try QueueBenchmark.drain(url: db.appURL, jobs: 500, threads: 2, batchSize: 50, latencySamples: 3, logger: .silent)
            #expect(report.jobs == 500)
            #expect(report.completedInBatches == 500)
            #expect(report.claims >= 10)
            #expect(report.jobsPerFetch > 1)
            #expect(report.pickupSamples.count == 3)
            #expect(report.description.contains("jobs/s"))
            // Its jobs are cleaned up afterwards.
            let left = try db.owner { try $0.query("SELECT count(*) FROM jobs").first?.decode(Int.self, at: 0) }
            #expect(left == 0)
        }
    }

    @Test func adversarialCasesRunAndTheSmallTenantsJobsAllStart() throws {
        try QueueTestDatabase.with { db in
            let report = try QueueBenchmark.adversarial(url: db.appURL, jobs: 300, threads: 2, batchSize: 20, logger: .silent)
            #expect(report.smallTenantPickups.count == 10)
            #expect(report.baselineJobsPerSecond > 0 && report.heldTransactionJobsPerSecond > 0)
            #expect(report.description.contains("held open"))
            let left = try db.owner { try $0.query("SELECT count(*) FROM jobs").first?.decode(Int.self, at: 0) }
            #expect(left == 0)
        }
    }
}
