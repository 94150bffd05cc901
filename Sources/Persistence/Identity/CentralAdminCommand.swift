import Foundation
import Postgres
import Runtime

/// `kinerja admin create --email ADDRESS [--name NAME]`: creates a central admin (platform
/// operator). The password comes from `KINERJA_ADMIN_PASSWORD` or the first line of standard
/// input, never from the command line (argv is visible to every user of the machine).
public enum CentralAdminCommand {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        admin create --email ADDRESS [--name NAME]
              Create a central admin. Password from KINERJA_ADMIN_PASSWORD or stdin (first line).
              Uses KINERJA_MIGRATION_DATABASE_URL, else KINERJA_DATABASE_URL: the app role cannot add admins.
        """

    /// Runs the command and returns the exit status: 0 created, 1 failed, 2 bad usage.
    public static func run(arguments: [String], environment: [String: String], logger: Logger,
                           readLine: () -> String?, output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        var email: String?
        var name = "Admin Pusat"
        var rest = arguments.makeIterator()
        guard rest.next() == "create" else {
            errorOutput("usage: kinerja " + commandUsage)
            return 2
        }
        while let argument = rest.next() {
            switch argument {
            case "--email": email = rest.next()
            case "--name": name = rest.next() ?? name
            default:
                errorOutput("admin: unknown argument \(argument)\nusage: kinerja " + commandUsage)
                return 2
            }
        }
        guard let email else {
            errorOutput("usage: kinerja " + commandUsage)
            return 2
        }
        var reader = EnvironmentReader(environment)
        let url = reader.optional("KINERJA_MIGRATION_DATABASE_URL") ?? reader.required("KINERJA_DATABASE_URL")
        let iterations = reader.int("KINERJA_PASSWORD_PBKDF2_ITERATIONS", default: 600_000, in: 1_000...10_000_000)
        do {
            try reader.validate()
        } catch {
            errorOutput("admin: \(error)")
            return 1
        }
        guard let password = reader.optional("KINERJA_ADMIN_PASSWORD") ?? readLine(), !password.isEmpty else {
            errorOutput("admin: no password (set KINERJA_ADMIN_PASSWORD or pipe it on stdin)")
            return 1
        }
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: 1), logger: logger)
        defer { pool.close() }
        do {
            let id = try IdentityStore(pool: pool, hasher: PasswordHasher(iterations: iterations))
                .createCentralAdmin(email: email, password: password, name: name)
            output("admin: created central admin \(email) (\(id.uuidString.lowercased()))")
            return 0
        } catch {
            errorOutput("admin: \(error)")
            return 1
        }
    }
}
