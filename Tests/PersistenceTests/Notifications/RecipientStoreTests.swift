import Foundation
import Postgres
import Testing
@testable import Persistence

@Suite struct RecipientStoreTests {
    @Test func anEmployeesAddressComesFromTheirRecordWithinTheirTenantOnly() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let tenant = try PersistenceFixture.makeTenant(), other = try PersistenceFixture.makeTenant()
        let withEmail = UUID(), without = UUID()
        try pool.transaction(tenant: tenant) { c in
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status, email) VALUES
                  (\(tenant), \(withEmail), '198503122010011001', 'Siti Rahmawati', 'PNS', 'aktif', 'siti@karawang.example'),
                  (\(tenant), \(without), '198503122010011002', 'Budi Santoso', 'PNS', 'aktif', NULL)
                """)
        }
        let store = RecipientStore(pool: pool)
        #expect(try store.employee(withEmail, tenant: tenant) == .init(name: "Siti Rahmawati", email: "siti@karawang.example"))
        #expect(try store.employee(without, tenant: tenant) == .init(name: "Budi Santoso", email: nil))
        // Row-level security: the same id asked for under another tenant does not exist.
        #expect(try store.employee(withEmail, tenant: other) == nil)
    }
}
