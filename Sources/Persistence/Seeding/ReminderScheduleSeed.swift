import Foundation
import Kinerja
import Postgres

/// Gives every active tenant its daily reminder scan (`ReminderSchedule`), for tenants onboarded
/// before schedules existed; onboarding creates it for new ones. Idempotent: a tenant whose
/// schedule exists in its current zone is left as it is.
public struct ReminderScheduleSeed: SeedStep {
    /// A step over every active tenant.
    public init() {}

    /// `reminder-schedules`.
    public var name: String { "reminder-schedules" }

    /// Saves the schedules that are missing or in another zone; reports each.
    public func run(pool: PostgresPool, at instant: Date) throws -> [String] {
        try pool.transaction { connection in
            let tenants = try connection.query("""
                SELECT t.id, t.slug, t.name, t.province, t.time_zone
                  FROM tenants t
                 WHERE t.active AND NOT EXISTS (
                       SELECT 1 FROM job_schedules s
                        WHERE s.name = 'reminders.daily:' || t.slug AND s.active AND s.time_zone = t.time_zone)
                 ORDER BY t.slug
                """).map { row in
                let (id, slug, name, province, zone) = try row.decode((UUID, String, String, String, String).self)
                return Tenant(id: id, slug: slug, name: name, province: province, timeZone: zone, active: true)
            }
            for tenant in tenants { try ReminderSchedule.save(for: tenant, on: connection) }
            return tenants.map { "reminder schedule \($0.slug): daily at 0\(ReminderSchedule.hour):00 \($0.timeZone)" }
        }
    }
}
