import Foundation
import Runtime

/// `kinerja migrate`: the command-line face of the migrator, kept here so `main.swift` stays
/// wiring only.
extension Migrator {
    /// The usage line `kinerja help` prints.
    public static let commandUsage = """
        migrate [--dir DIR] [--status]
              Apply pending migrations from DIR (default: migrations), or with --status list each
              migration as applied, pending, changed or missing-file. Uses KINERJA_MIGRATION_DATABASE_URL,
              else KINERJA_DATABASE_URL (the schema owner's URL).
        """

    /// Runs the command and returns the exit status: 0 done, 1 failed (message on `errorOutput`),
    /// 2 bad usage.
    public static func runCommand(arguments: [String], environment: [String: String], logger: Logger,
                                  output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        var directory = "migrations"
        var statusOnly = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            switch argument {
            case "--status":
                statusOnly = true
            case "--dir":
                guard let value = rest.popFirst(), !value.isEmpty else {
                    errorOutput("migrate: --dir needs a directory\nusage: kinerja " + commandUsage)
                    return 2
                }
                directory = value
            default:
                errorOutput("migrate: unknown argument \(argument)\nusage: kinerja " + commandUsage)
                return 2
            }
        }
        var reader = EnvironmentReader(environment)
        let url = reader.optional("KINERJA_MIGRATION_DATABASE_URL") ?? reader.required("KINERJA_DATABASE_URL")
        do {
            try reader.validate()
        } catch {
            errorOutput("migrate: \(error)")
            return 1
        }
        let migrator = Migrator(directory: URL(fileURLWithPath: directory), databaseURL: url, logger: logger)
        do {
            if statusOnly {
                for status in try migrator.status() {
                    output(line(for: status))
                }
            } else {
                let report = try migrator.migrate()
                for missing in report.missingFiles {
                    errorOutput("migrate: warning: version \(missing.version) (\(missing.name)) is applied but has no file")
                }
                output(report.applied.isEmpty ? "migrate: nothing to apply"
                                              : "migrate: applied \(report.applied.map(\.fileName).joined(separator: ", "))")
            }
            return 0
        } catch let error as PostgresError {
            // The operator needs the server's or libpq's words (permission denied, host unreachable);
            // this is the migrator's own SQL on stderr of an operator tool, not a client response.
            errorOutput("migrate: \(error): \(error.debugMessage)")
            return 1
        } catch {
            errorOutput("migrate: \(error)")
            return 1
        }
    }

    private static func line(for status: MigrationStatus) -> String {
        let state = switch status.state {
        case .applied: "applied"
        case .pending: "pending"
        case .changed: "changed"
        case .missingFile: "missing-file"
        }
        let version = String(status.version)
        let padded = String(repeating: "0", count: max(0, 4 - version.count)) + version
        var text = "\(padded)_\(status.name)  \(state)"
        if let at = status.appliedAt { text += "  " + at.formatted(.iso8601) }
        return text
    }
}
