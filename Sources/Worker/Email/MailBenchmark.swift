import Foundation
import JobQueue
import Mail
import Postgres
import Runtime

/// E-mails per second to an SMTP server, run by `scripts/bench/mail` through `kinerja
/// bench-mail`, two ways: the SMTP client alone (`threads` threads sending one message each per
/// connection, as the worker does), and the whole worker (`email.send` jobs queued first, then a
/// `WorkerService` with `threads` threads claiming, sending, recording each delivery and
/// completing). The script runs a reference sender (Python's smtplib) against the same server in
/// the same run. Prints figures only; it is not a test.
public enum MailBenchmark {
    /// The message of job or send number `n`: an SKP notification of typical size.
    public static func email(_ n: Int) -> EmailJob {
        EmailJob(to: [EmailJob.Recipient(address: "siti.rahmawati@karawang.example", name: "Siti Rahmawati")],
                 subject: "SKP Anda telah disetujui (\(n))",
                 text: """
                    Yth. Siti Rahmawati,

                    SKP tahun 2026 Anda telah disetujui oleh pejabat penilai, Taufik Setiawan, S.Sos., M.Si.
                    Silakan masuk ke aplikasi Kinerja untuk melihat rencana hasil kerja yang telah ditetapkan.

                    Pesan ini dikirim otomatis; mohon tidak membalas. Nomor pesan: \(n)

                    """)
    }

    /// Reads `KINERJA_DATABASE_URL` (application role, migrated), `KINERJA_SMTP_URL`,
    /// `KINERJA_BENCH_MAILS` (1000) and `KINERJA_BENCH_THREADS` (4); prints both figures.
    public static func run(environment: [String: String], logger: Logger) -> Int32 {
        var env = EnvironmentReader(environment)
        let mails = env.int("KINERJA_BENCH_MAILS", default: 1000, in: 1...1_000_000)
        let threads = env.int("KINERJA_BENCH_THREADS", default: 4, in: 1...64)
        _ = env.required("KINERJA_SMTP_URL")
        do {
            try env.validate()
            let direct = try sendDirectly(environment: environment, mails: mails, threads: threads, logger: logger)
            print(String(format: "kinerja SMTP client, %d threads: %d e-mails in %.2f s = %.0f e-mails/s",
                         threads, mails, direct, Double(mails) / direct))
            let worker = try sendThroughWorker(environment: environment, mails: mails, threads: threads, logger: logger)
            print(String(format: "kinerja worker (queue + SMTP + delivery record), %d threads: %d e-mails in %.2f s = %.0f e-mails/s",
                         threads, mails, worker, Double(mails) / worker))
            return 0
        } catch {
            FileHandle.standardError.write(Data("bench-mail: \(error)\n".utf8))
            return 1
        }
    }

    /// Seconds to send `mails` messages with `SMTPClient` on `threads` threads.
    static func sendDirectly(environment: [String: String], mails: Int, threads: Int, logger: Logger) throws -> Double {
        let configuration = try WorkerConfiguration.fromEnvironment(environment)
        let mailer = configuration.mail.makeMailer(logger: logger)
        let sender = try MailAddress(configuration.mailFromAddress, name: configuration.mailFromName, field: "KINERJA_MAIL_FROM")
        let messages = try (0..<mails).map { n in
            let email = email(n)
            return try MailMessage(from: sender, to: email.to.map { try MailAddress($0.address, name: $0.name) },
                                   subject: email.subject, date: Date(), messageID: "<bench-\(n)-\(UUID().uuidString)@kinerja>",
                                   text: email.text)
        }
        return try ParallelRun.timed(threads: threads, count: messages.count) { index in try mailer.deliver(messages[index]) }
    }

    /// Seconds from starting a worker until `mails` queued `email.send` jobs have completed.
    static func sendThroughWorker(environment: [String: String], mails: Int, threads: Int, logger: Logger) throws -> Double {
        var env = environment
        env["KINERJA_WORKER_QUEUE"] = "bench_mail_" + UUID().uuidString.prefix(8).lowercased()
        env["KINERJA_WORKER_THREADS"] = String(threads)
        env["KINERJA_WORKER_METRICS_PORT"] = "0"
        let configuration = try WorkerConfiguration.fromEnvironment(env)
        let service = try WorkerService(configuration: configuration, logger: logger)
        let queue = JobQueue(pool: service.pool, configuration: configuration.queue, logger: logger)
        var ids: [Int] = []
        try service.pool.transaction { connection in
            for n in 0..<mails {
                if let id = try queue.enqueue(on: connection, kind: EmailJob.kind, args: email(n), maxAttempts: 3) { ids.append(id) }
            }
        }
        let started = ContinuousClock.now
        try service.start()
        defer { service.stop() }
        let name = configuration.queue.name
        while true {
            let (left, failed) = try service.pool.withConnection { connection in
                try connection.query("""
                    SELECT count(*) FILTER (WHERE state <> 'completed')::int, count(*) FILTER (WHERE errors <> '[]')::int
                      FROM jobs WHERE queue = \(name)
                    """).first?.decode((Int, Int).self) ?? (0, 0)
            }
            if failed > 0 { throw BenchmarkError("\(failed) e-mail jobs failed") }
            if left == 0 { break }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return ParallelRun.seconds(.now - started)
    }
}
