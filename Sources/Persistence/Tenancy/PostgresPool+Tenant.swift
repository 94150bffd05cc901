import Foundation
import Postgres

extension PostgresPool {
    /// Runs `body` in a transaction scoped to one tenant: `app.tenant_id` is set with SET LOCAL
    /// before anything else, so the row-level security policies of every tenant-owned table
    /// (migrations 0003 on) show and accept only that tenant's rows, whatever the SQL says.
    /// Every store method that touches tenant-owned data goes through here.
    public func transaction<T>(tenant: UUID, isolation: PostgresIsolationLevel? = nil, readOnly: Bool = false,
                               _ body: (PostgresConnection) throws -> T) throws -> T {
        try transaction(isolation: isolation, readOnly: readOnly) { connection in
            try connection.setLocal("app.tenant_id", to: tenant.uuidString.lowercased())
            return try body(connection)
        }
    }
}
