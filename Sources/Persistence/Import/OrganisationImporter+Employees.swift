import Foundation
import Kinerja
import Postgres

extension OrganisationImporter {
    /// Rows per INSERT statement: big enough to amortise round trips, small enough for the
    /// server's parameter size.
    static let batchSize = 5_000

    /// Employees by NIP.
    func importEmployees(_ c: PostgresConnection, _ context: inout ImportContext) throws -> ImportCounts {
        var existing: [String: Employee] = [:]
        for row in try c.query("SELECT \(unescaped: EmployeeStore.columns) FROM employees") {
            let employee = try EmployeeStore.employee(row)
            existing[employee.nip.digits] = employee
        }
        var counts = ImportCounts()
        var seen: [String: Int] = [:]
        var writes: [(before: Employee?, after: Employee)] = []
        let t = context.table
        for row in t.rows {
            let typeText = t.value(row, "jenis_pegawai").uppercased()
            let type = EmployeeType(rawValue: typeText)
            if type == nil {
                context.issue(row, "jenis_pegawai", "invalid_employee_type", "Jenis pegawai harus PNS, PPPK atau CPNS.")
            }
            var nip: NIP?
            do {
                nip = try NIP(t.value(row, "nip"), type: type ?? .pns, today: context.today)
            } catch {
                context.issue(row, "nip", error.code, error.message)
            }
            let name = t.value(row, "nama")
            if let error = OrganisationRules.checkName(name) { context.issue(row, "nama", error) }
            let statusText = t.value(row, "status").lowercased()
            let status = statusText.isEmpty ? EmployeeStatus.aktif : EmployeeStatus(rawValue: statusText)
            if status == nil {
                context.issue(row, "status", "invalid_status",
                              "Status harus salah satu dari: " + EmployeeStatus.allCases.map(\.rawValue).joined(separator: ", ") + ".")
            }
            let pembina = Self.flag(t.value(row, "dikelola_instansi_pembina"))
            if pembina == nil { context.issue(row, "dikelola_instansi_pembina", "invalid_flag", "Isi dengan ya atau tidak.") }
            let emailText = t.value(row, "email")
            let email = emailText.isEmpty ? nil : emailText
            if let error = OrganisationRules.checkEmail(email) { context.issue(row, "email", error) }
            guard let nip, let type, let status, let pembina else { continue }
            if let first = seen[nip.digits] {
                context.issue(row, "nip", "duplicate_in_file", "NIP ini sudah ada pada baris \(first).")
                continue
            }
            seen[nip.digits] = row.line
            let before = existing[nip.digits]
            let after = Employee(id: before?.id ?? .timeOrdered(), nip: nip, name: name, type: type, status: status,
                                 managedByInstansiPembina: pembina, email: email)
            if before == nil { counts.created += 1 } else if before == after { counts.unchanged += 1; continue } else { counts.updated += 1 }
            writes.append((before, after))
        }
        guard context.shouldWrite, !writes.isEmpty else { return counts }
        for start in stride(from: 0, to: writes.count, by: Self.batchSize) {
            let batch = writes[start..<min(start + Self.batchSize, writes.count)].map(\.after)
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status, managed_by_instansi_pembina, email)
                SELECT \(context.tenant), u.id, u.nip, u.name, u.type, u.status, u.pembina::boolean, u.email
                  FROM unnest(\(batch.map(\.id)), \(batch.map(\.nip.digits)), \(batch.map(\.name)), \(batch.map(\.type.rawValue)),
                              \(batch.map(\.status.rawValue)), \(batch.map { $0.managedByInstansiPembina ? "t" : "f" }), \(batch.map(\.email)))
                       AS u(id, nip, name, type, status, pembina, email)
                ON CONFLICT (tenant_id, nip) DO UPDATE
                   SET name = EXCLUDED.name, type = EXCLUDED.type, status = EXCLUDED.status,
                       managed_by_instansi_pembina = EXCLUDED.managed_by_instansi_pembina, email = EXCLUDED.email, updated_at = now()
                """)
        }
        let changes = writes.map { w in
            AuditChange(action: w.before == nil ? "create" : "update", entity: "employee", entityID: w.after.id.uuidString.lowercased(),
                        before: w.before.map(Self.json), after: Self.json(w.after))
        }
        try AuditLog.append(changes, tenant: context.tenant, actor: context.actor, at: context.at, on: c)
        return counts
    }

    /// `ya`/`tidak` (also true/false, 1/0, y/t); empty is `tidak`.
    static func flag(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "", "tidak", "t", "false", "0", "no", "n": false
        case "ya", "y", "true", "1", "yes": true
        default: nil
        }
    }

    /// The audit JSON of an employee, built directly (the same keys the JSON encoder gives), as
    /// an import may write tens of thousands.
    static func json(_ e: Employee) -> JSONValue {
        var members: [String: JSONValue] = [
            "id": .string(e.id.uuidString.uppercased()), "nip": .string(e.nip.digits), "name": .string(e.name),
            "type": .string(e.type.rawValue), "status": .string(e.status.rawValue),
            "managedByInstansiPembina": .bool(e.managedByInstansiPembina),
        ]
        if let email = e.email { members["email"] = .string(email) }
        return .object(members)
    }
}
