import Foundation
import Kinerja
import Postgres

/// Tenant administration by central admins: onboard, update, deactivate, list (the `tenants`
/// registry of migration 0002; the app role may write only the columns 0004 grants).
public struct TenantRegistryStore: Sendable {
    /// Why a registry change was refused.
    public enum Failure: Error, Sendable, Equatable {
        /// Another tenant has the slug.
        case slugTaken
        /// No tenant has the slug.
        case notFound
    }

    private let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// Adds a tenant (active). Values are validated by the caller; the database checks them again.
    /// The first entry of the new tenant's audit log records it, by `actor`.
    public func onboard(slug: String, name: String, province: String, timeZone: String, actor: AuditActor) throws -> Tenant {
        let id = try IdentityID.make()
        do {
            return try pool.transaction { connection in
                _ = try connection.execute("""
                    INSERT INTO tenants (id, slug, name, province, time_zone)
                    VALUES (\(id), \(slug), \(name), \(province), \(timeZone))
                    """)
                let tenant = Tenant(id: id, slug: slug, name: name, province: province, timeZone: timeZone, active: true)
                // The daily reminder scan exists exactly when the tenant does (issue 6 item 4).
                try ReminderSchedule.save(for: tenant, on: connection)
                try Self.audit("create", before: nil, after: tenant, actor: actor, on: connection)
                return tenant
            }
        } catch let error as PostgresError where error.kind == .uniqueViolation {
            throw Failure.slugTaken
        }
    }

    /// Changes the given fields of tenant `slug` (nil leaves a field as it is).
    public func update(slug: String, name: String?, province: String?, timeZone: String?, actor: AuditActor) throws -> Tenant {
        try pool.transaction { connection in
            let before = try connection.query("""
                SELECT id, slug, name, province, time_zone, active FROM tenants WHERE slug = \(slug) FOR UPDATE
                """).first.map(Self.tenant)
            let rows = try connection.query("""
                UPDATE tenants SET name = coalesce(\(name), name), province = coalesce(\(province), province),
                                   time_zone = coalesce(\(timeZone), time_zone), updated_at = now()
                 WHERE slug = \(slug)
                RETURNING id, slug, name, province, time_zone, active
                """)
            guard let row = rows.first else { throw Failure.notFound }
            let tenant = try Self.tenant(row)
            // A new zone moves the 07:00 of the reminder scan with it.
            if before?.timeZone != tenant.timeZone { try ReminderSchedule.save(for: tenant, on: connection) }
            try Self.audit("update", before: before, after: tenant, actor: actor, on: connection)
            return tenant
        }
    }

    /// Marks tenant `slug` inactive: its users can no longer log in and their tokens stop working.
    public func deactivate(slug: String, actor: AuditActor) throws -> Tenant {
        try pool.transaction { connection in
            let rows = try connection.query("""
                UPDATE tenants SET active = false, updated_at = now() WHERE slug = \(slug)
                RETURNING id, slug, name, province, time_zone, active
                """)
            guard let row = rows.first else { throw Failure.notFound }
            let tenant = try Self.tenant(row)
            var before = tenant
            before.active = true
            try Self.audit("deactivate", before: before, after: tenant, actor: actor, on: connection)
            return tenant
        }
    }

    /// Appends the change to the tenant's own audit chain (RLS needs its tenant set first).
    private static func audit(_ action: String, before: Tenant?, after: Tenant, actor: AuditActor,
                              on connection: PostgresConnection) throws {
        try connection.setLocal("app.tenant_id", to: after.id.uuidString.lowercased())
        try AuditLog.append(AuditChange(action: action, entity: "tenant", id: after.id, before: before, after: after),
                            tenant: after.id, actor: actor, at: Date(), on: connection)
    }

    /// The tenant `id` (active or not), or nil.
    public func tenant(id: UUID) throws -> Tenant? {
        try pool.withConnection(retryOnConnectionLoss: true) { connection in
            try connection.query("SELECT id, slug, name, province, time_zone, active FROM tenants WHERE id = \(id)")
                .first.map(Self.tenant)
        }
    }

    /// The tenant with `slug` (active or not), or nil.
    public func tenant(slug: String) throws -> Tenant? {
        try pool.withConnection(retryOnConnectionLoss: true) { connection in
            try connection.query("SELECT id, slug, name, province, time_zone, active FROM tenants WHERE slug = \(slug)")
                .first.map(Self.tenant)
        }
    }

    /// Tenants (active or not) ordered by slug, after `afterSlug`, at most `limit`.
    public func list(afterSlug: String?, limit: Int) throws -> [Tenant] {
        try pool.withConnection(retryOnConnectionLoss: true) { connection in
            try connection.query("""
                SELECT id, slug, name, province, time_zone, active FROM tenants
                 WHERE \(afterSlug)::text IS NULL OR slug > \(afterSlug)
                 ORDER BY slug LIMIT \(limit)
                """).map(Self.tenant)
        }
    }

    private static func tenant(_ row: PostgresRow) throws -> Tenant {
        let (id, slug, name, province, timeZone, active) = try row.decode((UUID, String, String, String, String, Bool).self)
        return Tenant(id: id, slug: slug, name: name, province: province, timeZone: timeZone, active: active)
    }
}
