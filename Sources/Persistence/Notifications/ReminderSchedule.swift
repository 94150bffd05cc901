import Foundation
import JobQueue
import Kinerja
import Postgres

/// Each tenant's daily reminder scan (issue 6 item 4): a `JobSchedule` firing `reminders.scan`
/// for the tenant at 07:00 in the tenant's own zone (WIB, or WITA in Tanah Laut), so people find
/// reminders at the start of their working day. Created with the tenant (onboarding) and by
/// `kinerja seed` for tenants that predate it.
public enum ReminderSchedule {
    /// The job kind of each occurrence.
    public static let kind = "reminders.scan"
    /// The local hour it fires at.
    public static let hour = 7

    /// The arguments of a `reminders.scan` job.
    public struct Arguments: Sendable, Equatable, Codable {
        /// The tenant to scan.
        public var tenantID: UUID

        /// Arguments for `tenantID`.
        public init(tenantID: UUID) { self.tenantID = tenantID }

        private enum CodingKeys: String, CodingKey { case tenantID = "tenantId" }
    }

    /// `reminders.daily:<slug>`.
    public static func name(slug: String) -> String { "reminders.daily:" + slug }

    /// The schedule of `tenant`.
    public static func schedule(for tenant: Tenant) throws -> JobSchedule {
        try JobSchedule(name: name(slug: tenant.slug), tenantID: tenant.id, kind: kind,
                        args: Arguments(tenantID: tenant.id),
                        spec: .daily(hour: hour, minute: 0, timeZone: tenant.timeZone), priority: 3, maxAttempts: 5)
    }

    /// Creates or updates `tenant`'s schedule on the caller's connection (inside its transaction).
    public static func save(for tenant: Tenant, on connection: PostgresConnection) throws {
        try JobQueue.saveSchedule(try schedule(for: tenant), on: connection)
    }
}
