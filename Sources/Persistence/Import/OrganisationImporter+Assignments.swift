import Foundation
import Kinerja
import Postgres

extension OrganisationImporter {
    /// Assignments by (NIP, jabatan code, kind, start). History is never rewritten: a re-import
    /// may close an open assignment (fill in `selesai`), nothing else.
    func importAssignments(_ c: PostgresConnection, _ context: inout ImportContext) throws -> ImportCounts {
        var employees: [String: UUID] = [:]
        for row in try c.query("SELECT nip, id FROM employees") {
            let (nip, id) = try row.decode((String, UUID).self)
            employees[nip] = id
        }
        var jabatan: [String: Jabatan] = [:]
        for row in try c.query("SELECT \(unescaped: OrganisationStore.jabatanColumns) FROM jabatan") {
            let j = try OrganisationStore.jabatan(row)
            jabatan[j.code] = j
        }
        let jabatanKind = Dictionary(jabatan.values.map { ($0.id, $0.kind) }, uniquingKeysWith: { a, _ in a })
        var all = try c.query("SELECT \(unescaped: AssignmentStore.assignmentColumns) FROM assignments").map(AssignmentStore.assignment)
        struct Key: Hashable { let employee: UUID, jabatan: UUID, kind: AssignmentKind, from: CivilDate }
        var index: [Key: Int] = [:]
        for (i, a) in all.enumerated() { index[Key(employee: a.employeeID, jabatan: a.jabatanID, kind: a.kind, from: a.period.from)] = i }

        let t = context.table
        var counts = ImportCounts()
        var created: [Assignment] = []
        var ended: [(before: Assignment, after: Assignment)] = []
        var seen: [Key: Int] = [:]
        var lineOf: [UUID: CSVRecord] = [:]
        for row in t.rows {
            let nipText = t.value(row, "nip").filter { $0 != " " }
            let employee = employees[nipText]
            if employee == nil { context.issue(row, "nip", "unknown_reference", "Pegawai dengan NIP \(nipText) tidak ditemukan.") }
            let code = t.value(row, "kode_jabatan")
            let post = jabatan[code]
            if post == nil { context.issue(row, "kode_jabatan", "unknown_reference", "Jabatan \(code) tidak ditemukan.") }
            let kind = AssignmentKind(rawValue: t.value(row, "jenis_penempatan").lowercased())
            if kind == nil { context.issue(row, "jenis_penempatan", "invalid_assignment_kind", "Jenis penempatan harus definitif, plt atau plh.") }
            let from = CivilDate(iso: t.value(row, "mulai"))
            if from == nil { context.issue(row, "mulai", "invalid_date", "Tanggal mulai harus berbentuk YYYY-MM-DD.") }
            let untilText = t.value(row, "selesai")
            let until = untilText.isEmpty ? nil : CivilDate(iso: untilText)
            if !untilText.isEmpty, until == nil { context.issue(row, "selesai", "invalid_date", "Tanggal selesai harus berbentuk YYYY-MM-DD.") }
            guard let employee, let post, let kind, let from, untilText.isEmpty || until != nil else { continue }
            guard let period = DateRange(from: from, until: until) else {
                context.issue(row, "selesai", "invalid_period", "Tanggal selesai tidak boleh sebelum tanggal mulai.")
                continue
            }
            let key = Key(employee: employee, jabatan: post.id, kind: kind, from: from)
            if let first = seen[key] {
                context.issue(row, nil, "duplicate_in_file", "Penempatan yang sama sudah ada pada baris \(first).")
                continue
            }
            seen[key] = row.line
            if let i = index[key] {
                let before = all[i]
                if before.period == period { counts.unchanged += 1; continue }
                guard before.period.until == nil else {
                    context.issue(row, "selesai", "history_immutable", "Penempatan yang sudah berakhir tidak dapat diubah; buat penempatan baru.")
                    continue
                }
                var after = before
                after.period = period
                all[i] = after
                ended.append((before, after))
                lineOf[after.id] = row
                counts.updated += 1
            } else {
                let value = Assignment(id: .timeOrdered(), employeeID: employee, jabatanID: post.id, kind: kind, period: period)
                index[key] = all.count
                all.append(value)
                created.append(value)
                lineOf[value.id] = row
                counts.created += 1
            }
        }
        // Overlaps on the final state, reported at the file's rows: one definitive post per
        // employee at a time; one definitive holder of a structural post at a time.
        let definitive = all.filter { $0.kind == .definitif }
        for (key, group) in [(true, Dictionary(grouping: definitive, by: \.employeeID)),
                             (false, Dictionary(grouping: definitive.filter { jabatanKind[$0.jabatanID]?.isSingleHolder == true }, by: \.jabatanID))]
            .flatMap({ pair in pair.1.values.map { (pair.0, $0) } }) {
            let sorted = group.sorted { $0.period.from < $1.period.from }
            for (a, b) in zip(sorted, sorted.dropFirst()) where a.period.overlaps(b.period) {
                guard let row = lineOf[b.id] ?? lineOf[a.id] else { continue }
                if key {
                    context.issue(row, "mulai", "overlapping_period", "Pegawai sudah memiliki jabatan definitif lain pada periode ini.")
                } else {
                    context.issue(row, "kode_jabatan", "jabatan_occupied", "Jabatan ini sudah dijabat definitif oleh pegawai lain pada periode ini.")
                }
            }
        }
        guard context.shouldWrite else { return counts }
        if !created.isEmpty {
            try c.query("""
                INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from, valid_until)
                SELECT \(context.tenant), u.id, u.employee, u.jabatan, u.kind, u.valid_from::date, u.valid_until::date
                  FROM unnest(\(created.map(\.id)), \(created.map(\.employeeID)), \(created.map(\.jabatanID)), \(created.map(\.kind.rawValue)),
                              \(created.map(\.period.from.description)), \(created.map { $0.period.until?.description }))
                       AS u(id, employee, jabatan, kind, valid_from, valid_until)
                """)
        }
        if !ended.isEmpty {
            try c.query("""
                UPDATE assignments a SET valid_until = u.valid_until::date
                  FROM unnest(\(ended.map(\.after.id)), \(ended.map { $0.after.period.until?.description })) AS u(id, valid_until)
                 WHERE a.id = u.id
                """)
        }
        var changes = try created.map { try AuditChange(action: "create", entity: "assignment", id: $0.id, before: Assignment?.none, after: $0) }
        changes += try ended.map { try AuditChange(action: "end", entity: "assignment", id: $0.after.id, before: $0.before, after: $0.after) }
        try AuditLog.append(changes, tenant: context.tenant, actor: context.actor, at: context.at, on: c)
        return counts
    }
}
