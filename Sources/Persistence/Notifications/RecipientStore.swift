import Foundation
import Postgres

/// Who a notification goes to: an employee's name and e-mail address (the address of their
/// user account first, else the one on the employee record), read within the tenant.
public struct RecipientStore: Sendable {
    /// A person to tell.
    public struct Recipient: Sendable, Equatable {
        public var name: String
        /// Nil when neither the account nor the employee record has an address.
        public var email: String?
    }

    private let pool: PostgresPool

    public init(pool: PostgresPool) { self.pool = pool }

    /// The employee as a recipient, or nil when the tenant has no such employee.
    public func employee(_ id: UUID, tenant: UUID) throws -> Recipient? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in try Self.employee(id, on: connection) }
    }

    /// `employee(_:tenant:)` inside the caller's tenant transaction.
    public static func employee(_ id: UUID, on connection: PostgresConnection) throws -> Recipient? {
        try connection.query("""
            SELECT e.name, coalesce((SELECT u.email FROM users u
                                      WHERE u.tenant_id = e.tenant_id AND u.employee_id = e.id AND u.active
                                        AND u.email IS NOT NULL
                                      ORDER BY u.created_at LIMIT 1), e.email)
              FROM employees e WHERE e.id = \(id)
            """).first.map { row in
            let (name, email) = try row.decode((String, String?).self)
            return Recipient(name: name, email: email)
        }
    }
}
