import Foundation
import Postgres
import Runtime

/// `kinerja audit verify --tenant SLUG`: walks a tenant's audit hash chain and names the first
/// broken entry — the operator's twin of `GET /v1/audit/verify`.
public enum AuditCommand {
    /// The usage lines `kinerja help` prints.
    public static let commandUsage = """
        audit verify --tenant SLUG
              Verify the tenant's audit chain (hash = sha256(prev_hash || canonical JSON)); exit 0 when
              intact, 1 naming the first broken entry. Uses KINERJA_DATABASE_URL.
        """

    /// Runs the command and returns the exit status: 0 intact, 1 broken or failed, 2 bad usage.
    public static func run(arguments: [String], environment: [String: String], logger: Logger,
                           output: (String) -> Void, errorOutput: (String) -> Void) -> Int32 {
        guard arguments.count == 3, arguments[0] == "verify", arguments[1] == "--tenant" else {
            errorOutput("usage: kinerja " + commandUsage)
            return 2
        }
        let slug = arguments[2]
        var reader = EnvironmentReader(environment)
        let url = reader.required("KINERJA_DATABASE_URL")
        do {
            try reader.validate()
        } catch {
            errorOutput("audit: \(error)")
            return 1
        }
        let pool = PostgresPool(configuration: .init(url: url, maxConnections: 1), logger: logger)
        defer { pool.close() }
        do {
            guard let tenant = try TenantStore(pool: pool).activeTenant(slug: slug) else {
                errorOutput("audit: no active tenant \(slug)")
                return 1
            }
            let result = try AuditLog(pool: pool).verify(tenant: tenant.id)
            if let broken = result.firstBreak {
                errorOutput("audit: \(slug): chain broken at entry \(broken.seq): \(broken.message) "
                            + "(\(result.verifiedCount) entries verified before it)")
                return 1
            }
            output("audit: \(slug): \(result.verifiedCount) entries, chain intact")
            return 0
        } catch {
            errorOutput("audit: \(error)")
            return 1
        }
    }
}
