import Foundation
import Postgres
import Testing
import TestSupport
@testable import Persistence

/// Isolation in the database (issue 3 item 2): connected as the application role, a transaction
/// for tenant A that forgets every tenant filter still sees and changes nothing of tenant B.
@Suite(.requiresDatabase) struct RowLevelSecurityTests {
    /// Inserts one perangkat daerah, unit, jabatan and employee for `tenant`, as the app would.
    private func seed(_ pool: PostgresPool, tenant: UUID, label: String) throws {
        try pool.transaction(tenant: tenant) { c in
            let pd = UUID(), unit = UUID(), jabatan = UUID()
            try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(tenant), \(pd), \("PD-" + label), \("Dinas " + label))")
            try c.query("""
                INSERT INTO unit_kerja (tenant_id, id, perangkat_daerah_id, code, name)
                VALUES (\(tenant), \(unit), \(pd), \("U-" + label), \("Bidang " + label))
                """)
            try c.query("""
                INSERT INTO jabatan (tenant_id, id, unit_kerja_id, code, name, kind)
                VALUES (\(tenant), \(jabatan), \(unit), \("J-" + label), \("Kepala Bidang " + label), 'administrator')
                """)
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status)
                VALUES (\(tenant), \(UUID()), '198503122010011003', \("Pegawai " + label), 'PNS', 'aktif')
                """)
        }
    }

    /// Tenant B's rows as the superuser sees them (bypassing RLS), to compare before and after.
    private func snapshot(of tenant: UUID) throws -> [String] {
        try PersistenceFixture.asSuperuser { c in
            var lines: [String] = []
            for table in ["perangkat_daerah", "unit_kerja", "jabatan", "employees"] {
                for row in try c.query("SELECT id::text, name FROM \(unescaped: table) WHERE tenant_id = \(tenant) ORDER BY id") {
                    let (id, name) = try row.decode((String, String).self)
                    lines.append("\(table) \(id) \(name)")
                }
            }
            return lines
        }
    }

    @Test func queriesWithoutTenantFilterTouchOnlyTheCurrentTenant() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let a = try PersistenceFixture.makeTenant(), b = try PersistenceFixture.makeTenant()
        try seed(pool, tenant: a, label: "A")
        try seed(pool, tenant: b, label: "B")
        let before = try snapshot(of: b)
        #expect(before.count == 4)

        try pool.transaction(tenant: a) { c in
            // SELECT * without WHERE: only A's rows.
            for table in ["perangkat_daerah", "unit_kerja", "jabatan", "employees"] {
                let tenants = try c.query("SELECT tenant_id FROM \(unescaped: table)").map { try $0.decode(UUID.self, at: 0) }
                #expect(!tenants.isEmpty && tenants.allSatisfy { $0 == a }, "\(table)")
            }
            // UPDATE without WHERE changes A's rows only.
            #expect(try c.execute("UPDATE perangkat_daerah SET name = 'x'") == 1)
            #expect(try c.execute("UPDATE employees SET name = 'x'") == 1)
            // DELETE without WHERE removes A's rows only.
            #expect(try c.execute("DELETE FROM jabatan") == 1)
            #expect(try c.execute("DELETE FROM unit_kerja") == 1)
        }

        // INSERT with tenant B's id is refused by WITH CHECK.
        #expect(throws: PostgresError.self) {
            try pool.transaction(tenant: a) { c in
                try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(b), \(UUID()), 'PD-X', 'Sisipan')")
            }
        }
        do {
            _ = try pool.transaction(tenant: a) { c in
                try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(b), \(UUID()), 'PD-X', 'Sisipan')")
            }
        } catch let error as PostgresError {
            #expect(error.sqlState == "42501")  // new row violates row-level security policy
        }
        // Moving A's row into B is refused by WITH CHECK too.
        let moved = try? pool.transaction(tenant: a) { c in try c.execute("UPDATE perangkat_daerah SET tenant_id = \(b)") }
        #expect(moved == nil)
        // The application may not delete employees at all.
        #expect(throws: PostgresError.self) {
            try pool.transaction(tenant: a) { c in try c.execute("DELETE FROM employees") }
        }

        #expect(try snapshot(of: b) == before)
    }

    @Test func withoutTenantSettingNothingIsVisibleOrWritable() throws {
        let pool = try PersistenceFixture.appPool()
        defer { pool.close() }
        let a = try PersistenceFixture.makeTenant()
        try seed(pool, tenant: a, label: "A")
        try pool.transaction { c in
            for table in ["perangkat_daerah", "unit_kerja", "jabatan", "employees", "assignments", "evaluator_overrides", "audit_log"] {
                let count = try c.query("SELECT count(*) FROM \(unescaped: table)").first?.decode(Int.self, at: 0)
                #expect(count == 0, "\(table)")
            }
            #expect(try c.execute("UPDATE employees SET name = 'x'") == 0)
        }
        #expect(throws: PostgresError.self) {
            try pool.transaction { c in
                try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(a), \(UUID()), 'PD-Y', 'Tanpa tenant')")
            }
        }
    }

    /// Every table with a tenant_id column has RLS enabled and forced, a policy with USING and
    /// WITH CHECK, and the application role owns nothing and cannot bypass RLS.
    @Test func everyTenantOwnedTableIsProtected() throws {
        try PersistenceFixture.asSuperuser { c in
            let rows = try c.query("""
                SELECT cl.relname, cl.relrowsecurity, cl.relforcerowsecurity,
                       EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = cl.oid AND p.polqual IS NOT NULL
                               AND p.polwithcheck IS NOT NULL)
                  FROM pg_class cl JOIN pg_attribute at ON at.attrelid = cl.oid AND at.attname = 'tenant_id'
                  JOIN pg_namespace n ON n.oid = cl.relnamespace AND n.nspname = 'public'
                 -- The job queue stays an ordinary table, claimed across tenants (architecture.md, "Data").
                 WHERE cl.relkind = 'r' AND cl.relname NOT LIKE 'job%'
                """)
            #expect(rows.count >= 7)
            for row in rows {
                let (table, enabled, forced, policy) = try row.decode((String, Bool, Bool, Bool).self)
                #expect(enabled && forced && policy, "\(table)")
            }
            let owned = try c.query("SELECT count(*) FROM pg_class WHERE relowner = 'kinerja_app'::regrole").first?.decode(Int.self, at: 0)
            #expect(owned == 0)
            let bypass = try c.query("SELECT rolbypassrls OR rolsuper FROM pg_roles WHERE rolname = 'kinerja_app'").first?.decode(Bool.self, at: 0)
            #expect(bypass == false)
        }
    }
}
