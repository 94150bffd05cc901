import Foundation
import Postgres
import Runtime

/// `kinerja seed`: the command-line face of the seeder, kept here so `main.swift` stays wiring only.
extension Seeder {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        seed [--demo]
              Publish the four seeded rule sets (each from its regulation's effective date) and load the
              2025/2026 national holidays. Idempotent. Uses KINERJA_MIGRATION_DATABASE_URL, else
              KINERJA_DATABASE_URL (the schema owner's URL: national lists are not writable by the app role).
              --demo also seeds a demo organisation per regency with DEMO logins (published passwords,
              printed at the end): for development and demonstrations only, never production.
        """

    /// Runs the command and returns the exit status: 0 done, 1 failed, 2 bad usage.
    public static func runCommand(arguments: [String], environment: [String: String], logger: Logger, now: Date,
                                  output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        let demo = arguments.first == "--demo"
        guard arguments.count == (demo ? 1 : 0) else {
            errorOutput("seed: unknown argument \(arguments[demo ? 1 : 0])\nusage: kinerja " + commandUsage)
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
            // Demo data is opt-in and comes last: it relies on the tenants' rule sets and holidays.
            let demoStep = demo ? DemoOrganisationSeed() : nil
            let steps = Seeder.standardSteps + (demoStep.map { [$0] } ?? [])
            let report = try Seeder(pool: pool, steps: steps, logger: logger).run(at: now)
            report.forEach(output)
            output(report.isEmpty ? "seed: nothing to do" : "seed: done")
            // Printed on every run, not only the first, so `scripts/dev` always says how to log in.
            if let demoStep { output(demoStep.loginTable) }
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
