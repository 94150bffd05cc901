import Foundation
import Kinerja
import Persistence
import Postgres
import Runtime

/// Evaluation documents per second, run by `scripts/bench/documents` through `kinerja
/// bench-documents`: the realistic sample (`DocumentSample.evaluation`, four realised RHK) rendered
/// alone on one thread (the template's ceiling), then rendered and stored with `DocumentIssuer`
/// on `threads` threads (what a document job does: a verification code, the PDF, its SHA-256,
/// the row with its bytes and the audit entry, in one transaction), each under a new reference
/// so every document is version 1. Prints figures only; it is not a test.
public enum DocumentBenchmark {
    /// What one run measured.
    public struct Report: Sendable, CustomStringConvertible {
        public var documents: Int
        public var threads: Int
        public var renderSeconds: Double
        public var issueSeconds: Double
        public var averageBytes: Int

        public var renderedPerSecond: Double { renderSeconds > 0 ? Double(documents) / renderSeconds : 0 }
        public var issuedPerSecond: Double { issueSeconds > 0 ? Double(documents) / issueSeconds : 0 }

        public var description: String {
            func f(_ x: Double, _ digits: Int = 0) -> String { String(format: "%.\(digits)f", x) }
            return """
                render only, 1 thread: \(documents) evaluation PDFs in \(f(renderSeconds, 2)) s = \(f(renderedPerSecond)) documents/s (\(averageBytes) bytes each)
                render + store (DocumentIssuer), \(threads) threads: \(documents) in \(f(issueSeconds, 2)) s = \(f(issuedPerSecond)) documents/s
                ratio render+store / render only: \(f(issuedPerSecond / max(renderedPerSecond, 1e-9), 2))
                """
        }
    }

    /// Reads `KINERJA_DATABASE_URL` (application role, migrated database), `KINERJA_BENCH_DOCUMENTS`
    /// (500), `KINERJA_BENCH_THREADS` (2) and `KINERJA_BENCH_TENANT` (`tanah-laut`); prints the report.
    public static func run(environment: [String: String], logger: Logger) -> Int32 {
        var env = EnvironmentReader(environment)
        let url = env.required("KINERJA_DATABASE_URL")
        let documents = env.int("KINERJA_BENCH_DOCUMENTS", default: 500, in: 1...1_000_000)
        let threads = env.int("KINERJA_BENCH_THREADS", default: 2, in: 1...64)
        let slug = env.string("KINERJA_BENCH_TENANT", default: "tanah-laut")
        do {
            try env.validate()
            let pool = PostgresPool(configuration: .init(url: url, maxConnections: threads + 1), logger: logger)
            defer { pool.close() }
            print(try measure(pool: pool, tenantSlug: slug, documents: documents, threads: threads))
            return 0
        } catch {
            FileHandle.standardError.write(Data("bench-documents: \(error)\n".utf8))
            return 1
        }
    }

    /// Renders, then issues, `documents` evaluation documents for an employee of `tenantSlug`.
    public static func measure(pool: PostgresPool, tenantSlug: String, documents: Int, threads: Int) throws -> Report {
        guard let tenant = try TenantStore(pool: pool).activeTenant(slug: tenantSlug) else {
            throw BenchmarkError("no active tenant \(tenantSlug); run `kinerja migrate` first")
        }
        let employees = EmployeeStore(pool: pool)
        guard let nip = DocumentSample.pegawai.nip else { throw BenchmarkError("sample without NIP") }
        let employee = try employees.employee(tenant: tenant.id, nip: nip)
            ?? employees.create(tenant: tenant.id, actor: .system("bench-documents"), Employee(
                id: UUID(), nip: nip, name: DocumentSample.pegawai.nama, type: .pns, status: .aktif))
        guard let code = VerificationCode("ABCD-EF23") else { throw BenchmarkError("bad sample code") }
        let sample = DocumentSample.evaluation(issue: DocumentIssue(instansi: "PEMERINTAH KABUPATEN TANAH LAUT",
                                                                    verificationCode: code, issuedAt: Date()),
                                               rhkCount: 4)

        var bytes = 0
        let renderStart = ContinuousClock.now
        for _ in 0..<documents { bytes += EvaluationTemplate(sample).render().count }
        let renderSeconds = ParallelRun.seconds(.now - renderStart)

        let issuer = DocumentIssuer(store: DocumentStore(pool: pool))
        let issueSeconds = try ParallelRun.timed(threads: threads, count: documents) { _ in
            _ = try issuer.issue(sample, referenceID: UUID(), subjectEmployeeID: employee.id, id: UUID(), tenant: tenant.id,
                                 actor: .system("bench-documents"))
        }
        return Report(documents: documents, threads: threads, renderSeconds: renderSeconds, issueSeconds: issueSeconds,
                      averageBytes: bytes / documents)
    }
}
