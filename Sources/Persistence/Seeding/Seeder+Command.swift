import Foundation
import Postgres
import Runtime

/// `kinerja seed`: the command-line face of the seeder, kept here so `main.swift` stays wiring only.
extension Seeder {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        seed
              Publish the four seeded rule sets (each from its regulation's effective date) and load the
              2025/2026 national holidays. Idempotent. Uses KINERJA_MIGRATION_DATABASE_URL, else
              KINERJA_DATABASE_URL (the schema owner's URL: national lists are not writable by the app role).
        """

    /// Runs the command and returns the exit status: 0 done, 1 failed, 2 bad usage.
    public static func runCommand(arguments: [String], environment: [String: String], logger: Logger, now: Date,
                                  output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        guard arguments.isEmpty else {
            errorOutput("seed: unknown argument \(arguments[0])\nusage: kinerja " + commandUsage)
            return 2
        }
        var reader = EnvironmentReader(environment)
        let url = reader.optional("KINERJA_MIGRATION_DATABASE_URL") ?? reader.required("KINERJA_DATABASE_URL")
        do {
            try reader.validate()
        } catch {
            errorOutput("seed: \(error)")
            return 1
        }
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: 1), logger: logger)
        defer { pool.close() }
        do {
            let report = try Seeder(pool: pool, logger: logger).run(at: now)
            report.forEach(output)
            output(report.isEmpty ? "seed: nothing to do" : "seed: done")
            return 0
        } catch let error as PostgresError {
            // An operator tool: the server's words (permission denied, missing table) help here.
            errorOutput("seed: \(error): \(error.debugMessage)")
            return 1
        } catch {
            errorOutput("seed: \(error)")
            return 1
        }
    }
}
