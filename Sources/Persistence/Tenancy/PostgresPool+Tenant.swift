import Foundation
import Postgres

extension PostgresPool {
    /// Runs `body` in a transaction scoped to one tenant: `app.tenant_id` is set with SET LOCAL
    /// before anything else, so the row-level security policies of every tenant-owned table
    /// (migrations 0003 on) show and accept only that tenant's rows, whatever the SQL says.
    /// Every store method that touches tenant-owned data goes through here.
    /// `settings` are further transaction-local parameters.
    public func transaction<T>(tenant: UUID, isolation: PostgresIsolationLevel? = nil, readOnly: Bool = false,
                               settings: [PostgresSetting] = [], _ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction(isolation: isolation, readOnly: readOnly,
                        settings: [PostgresSetting("app.tenant_id", tenant.uuidString.lowercased())] + settings, body)
    }
}
