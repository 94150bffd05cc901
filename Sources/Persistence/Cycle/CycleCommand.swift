import Foundation
import Kinerja
import Postgres
import Runtime

/// `kinerja cycle annual`: one regency's annual evaluation driven from start to end by
/// `AnnualCycle` (scripts/annual-evaluation, scripts/bench/season). Prints the report as JSON.
/// Exit status: 0 done, 1 failed (the reason on standard error), 2 bad usage.
public enum CycleCommand {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        cycle annual --tenant SLUG --year YYYY [--plan-skp] [--threads N]
              Drive the tenant's annual evaluation through the stores the API uses: with --plan-skp each
              obliged employee's SKP from draft to approved first; then open the annual period, set the
              organisation's achievement, rate every obliged employee as their evaluator, finalise every
              group (queueing the documents). Prints the stages with their times as JSON.
              Uses KINERJA_DATABASE_URL. For demos and benchmarks only: the ratings are synthetic.
        """

    struct Options {
        var tenant = ""
        var year = 0
        var planSKP = false
        var threads = 4
    }

    /// Runs `cycle SUBCOMMAND ...` and returns the exit status.
    public static func run(arguments: [String], environment: [String: String], logger: Logger, now: Date,
                           output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        guard arguments.first == "annual" else {
            errorOutput("cycle: " + (arguments.first.map { "unknown subcommand \($0)" } ?? "missing subcommand")
                        + "\nusage: kinerja " + commandUsage)
            return 2
        }
        var options = Options()
        var rest = arguments.dropFirst()
        while let argument = rest.popFirst() {
            switch argument {
            case "--tenant" where rest.first.map(Tenant.isValidSlug) == true: options.tenant = rest.removeFirst()
            case "--year" where rest.first.flatMap { Int($0) }.map { (2000...2100).contains($0) } == true:
                options.year = Int(rest.removeFirst()) ?? 0
            case "--threads" where rest.first.flatMap { Int($0) }.map { (1...64).contains($0) } == true:
                options.threads = Int(rest.removeFirst()) ?? 4
            case "--plan-skp": options.planSKP = true
            default:
                errorOutput("cycle annual: bad argument \(argument)\nusage: kinerja " + commandUsage)
                return 2
            }
        }
        guard !options.tenant.isEmpty, options.year != 0 else {
            errorOutput("cycle annual: --tenant and --year are required\nusage: kinerja " + commandUsage)
            return 2
        }
        var reader = EnvironmentReader(environment)
        let url = reader.required("KINERJA_DATABASE_URL")
        do {
            try reader.validate()
        } catch {
            errorOutput("cycle annual: \(error)")
            return 1
        }
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: options.threads + 1), logger: logger)
        defer { pool.close() }
        do {
            guard let tenant = try TenantStore(pool: pool).activeTenant(slug: options.tenant) else {
                errorOutput("cycle annual: no active tenant '\(options.tenant)'")
                return 1
            }
            let report = try AnnualCycle(pool: pool, threads: options.threads, logger: logger)
                .run(tenant: tenant, year: options.year, planSKP: options.planSKP, at: now)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            output(String(decoding: try encoder.encode(report), as: UTF8.self))
            return 0
        } catch {
            errorOutput("cycle annual: \(error)")
            return 1
        }
    }
}
