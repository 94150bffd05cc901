import Foundation
import Kinerja
import Postgres

/// Reads and writes the tenant registry (`tenants`, migration 0002). The registry is not
/// tenant-owned, so these queries run without `app.tenant_id`.
public struct TenantStore: Sendable {
    private let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// The active tenant with this slug, or nil. Reads retry once after a lost connection.
    public func activeTenant(slug: String) throws -> Tenant? {
        try pool.withConnection(retryOnConnectionLoss: true) { connection in
            let rows = try connection.query("""
                SELECT id, slug, name, province, time_zone, active
                  FROM tenants WHERE slug = \(slug) AND active
                """)
            return try rows.first.map(Self.tenant)
        }
    }

    private static func tenant(_ row: PostgresRow) throws -> Tenant {
        let (id, slug, name, province, timeZone, active) = try row.decode((UUID, String, String, String, String, Bool).self)
        return Tenant(id: id, slug: slug, name: name, province: province, timeZone: timeZone, active: active)
    }
}
