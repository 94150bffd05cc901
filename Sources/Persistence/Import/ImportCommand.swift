import Foundation
import Kinerja
import Postgres
import Runtime

/// `kinerja import`: a regency's CSV export loaded from the command line through the same
/// `OrganisationImporter` as `POST /v1/imports/{kind}` (used by scripts/bench/season). Exit status:
/// 0 imported, 1 refused (every issue on standard error), 2 bad usage.
public enum ImportCommand {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        import --tenant SLUG KIND FILE
              Import FILE (CSV; KIND units, jabatan, employees or assignments, columns as in the API) for
              the tenant, all rows or none, audited as the system. Uses KINERJA_DATABASE_URL.
        """

    /// Runs `import ...` and returns the exit status.
    public static func run(arguments: [String], environment: [String: String], logger: Logger, now: Date,
                           output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        guard arguments.count == 4, arguments[0] == "--tenant", Tenant.isValidSlug(arguments[1]),
              let kind = ImportKind(rawValue: arguments[2]) else {
            errorOutput("import: usage: kinerja " + commandUsage)
            return 2
        }
        var reader = EnvironmentReader(environment)
        let url = reader.required("KINERJA_DATABASE_URL")
        do {
            try reader.validate()
        } catch {
            errorOutput("import: \(error)")
            return 1
        }
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: 1), logger: logger)
        defer { pool.close() }
        do {
            guard let tenant = try TenantStore(pool: pool).activeTenant(slug: arguments[1]) else {
                errorOutput("import: no active tenant '\(arguments[1])'")
                return 1
            }
            let csv = try [UInt8](Data(contentsOf: URL(fileURLWithPath: arguments[3])))
            let today = CivilDate(instant: now, in: TimeZone(identifier: tenant.timeZone) ?? .gmt)
            let report = try OrganisationImporter(pool: pool).run(kind, csv: csv, tenant: tenant.id,
                                                                   actor: .system("kinerja-import"), today: today, dryRun: false)
            guard report.isValid else {
                for issue in report.issues.prefix(50) {
                    errorOutput("import: line \(issue.line) \(issue.column ?? "-"): \(issue.code): \(issue.message)")
                }
                return 1
            }
            output("import \(kind.rawValue): \(report.rows) rows, \(report.created) created, \(report.updated) updated, "
                   + "\(report.unchanged) unchanged")
            return 0
        } catch {
            errorOutput("import: \(error)")
            return 1
        }
    }
}
