import Foundation
import Kinerja
import Postgres

extension OrganisationImporter {
    /// Perangkat daerah (by code) and units (by code), with the unit tree.
    func importUnits(_ c: PostgresConnection, _ context: inout ImportContext) throws -> ImportCounts {
        var pds: [String: PerangkatDaerah] = [:]
        for row in try c.query("SELECT id, code, name, active FROM perangkat_daerah") {
            let pd = try OrganisationStore.perangkatDaerah(row)
            pds[pd.code] = pd
        }
        var units: [String: UnitKerja] = [:]
        for row in try c.query("SELECT id, perangkat_daerah_id, parent_id, code, name, active FROM unit_kerja") {
            let unit = try OrganisationStore.unit(row)
            units[unit.code] = unit
        }
        let unitCodeByID = Dictionary(units.values.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let t = context.table
        var counts = ImportCounts()

        // Perangkat daerah named in the file: one name per code.
        var pdRows: [String: (line: Int, name: String)] = [:]
        var pdWrites: [(before: PerangkatDaerah?, after: PerangkatDaerah)] = []
        for row in t.rows {
            let code = t.value(row, "kode_perangkat_daerah"), name = t.value(row, "nama_perangkat_daerah")
            if let error = OrganisationRules.checkCode(code) { context.issue(row, "kode_perangkat_daerah", error); continue }
            if let error = OrganisationRules.checkName(name) { context.issue(row, "nama_perangkat_daerah", error); continue }
            if let first = pdRows[code] {
                if first.name != name {
                    context.issue(row, "nama_perangkat_daerah", "inconsistent_value",
                                  "Nama perangkat daerah \(code) berbeda dengan baris \(first.line).")
                }
                continue
            }
            pdRows[code] = (row.line, name)
            let before = pds[code]
            var after = before ?? PerangkatDaerah(id: .timeOrdered(), code: code, name: name)
            after.name = name
            if before != after { pdWrites.append((before, after)) }
            pds[code] = after
        }

        // Units: first every code of the file, so a parent may come after its child.
        var fileUnits: [String: (row: CSVRecord, unit: UnitKerja, parentCode: String)] = [:]
        var order: [String] = []
        for row in t.rows {
            let code = t.value(row, "kode_unit"), name = t.value(row, "nama_unit")
            let pdCode = t.value(row, "kode_perangkat_daerah"), parentCode = t.value(row, "kode_unit_induk")
            var ok = true
            if let error = OrganisationRules.checkCode(code) { context.issue(row, "kode_unit", error); ok = false }
            if let error = OrganisationRules.checkName(name) { context.issue(row, "nama_unit", error); ok = false }
            guard ok, let pd = pds[pdCode] else { continue }
            if let first = fileUnits[code] {
                context.issue(row, "kode_unit", "duplicate_in_file", "Kode unit ini sudah ada pada baris \(first.row.line).")
                continue
            }
            let before = units[code]
            let unit = UnitKerja(id: before?.id ?? .timeOrdered(), perangkatDaerahID: pd.id, parentID: nil, code: code, name: name,
                                 active: before?.active ?? true)
            fileUnits[code] = (row, unit, parentCode)
            order.append(code)
        }
        // The final tree: the file's units over the database's.
        var finalUnits = units
        for (code, entry) in fileUnits { finalUnits[code] = entry.unit }
        var parentOf: [String: String] = [:]
        for (code, unit) in units { if let p = unit.parentID, let pc = unitCodeByID[p] { parentOf[code] = pc } }
        for (code, entry) in fileUnits { parentOf[code] = entry.parentCode.isEmpty ? nil : entry.parentCode }
        var unitWrites: [(before: UnitKerja?, after: UnitKerja)] = []
        for code in order {
            guard let entry = fileUnits[code] else { continue }
            var unit = entry.unit
            if !entry.parentCode.isEmpty {
                guard let parent = finalUnits[entry.parentCode] else {
                    context.issue(entry.row, "kode_unit_induk", "unknown_reference", "Unit induk \(entry.parentCode) tidak ada di berkas maupun data.")
                    continue
                }
                if parent.perangkatDaerahID != unit.perangkatDaerahID {
                    context.issue(entry.row, "kode_unit_induk", "parent_in_other_perangkat_daerah",
                                  "Unit induk harus berada pada perangkat daerah yang sama.")
                    continue
                }
                if Self.hasCycle(from: code, parentOf) {
                    context.issue(entry.row, "kode_unit_induk", "cycle", "Unit induk membentuk lingkaran (unit menjadi induk dirinya sendiri).")
                    continue
                }
                unit.parentID = parent.id
            }
            let before = units[code]
            if before == unit { counts.unchanged += 1; continue }
            if before == nil { counts.created += 1 } else { counts.updated += 1 }
            unitWrites.append((before, unit))
        }
        guard context.shouldWrite else { return counts }

        var changes: [AuditChange] = []
        for w in pdWrites {
            try c.query("""
                INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(context.tenant), \(w.after.id), \(w.after.code), \(w.after.name))
                ON CONFLICT (tenant_id, id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
                """)
            changes.append(try AuditChange(action: w.before == nil ? "create" : "update", entity: "perangkat_daerah", id: w.after.id,
                                           before: w.before, after: w.after))
        }
        if !unitWrites.isEmpty {
            let u = unitWrites.map(\.after)
            // One statement: foreign keys are checked at its end, so a new parent may follow its child.
            try c.query("""
                INSERT INTO unit_kerja (tenant_id, id, perangkat_daerah_id, parent_id, code, name)
                SELECT \(context.tenant), u.id, u.pd, u.parent, u.code, u.name
                  FROM unnest(\(u.map(\.id)), \(u.map(\.perangkatDaerahID)), \(u.map(\.parentID)), \(u.map(\.code)), \(u.map(\.name)))
                       AS u(id, pd, parent, code, name)
                ON CONFLICT (tenant_id, id) DO UPDATE
                   SET perangkat_daerah_id = EXCLUDED.perangkat_daerah_id, parent_id = EXCLUDED.parent_id, name = EXCLUDED.name,
                       updated_at = now()
                """)
            for w in unitWrites {
                changes.append(try AuditChange(action: w.before == nil ? "create" : "update", entity: "unit_kerja", id: w.after.id,
                                               before: w.before, after: w.after))
            }
        }
        try AuditLog.append(changes, tenant: context.tenant, actor: context.actor, at: context.at, on: c)
        return counts
    }

    /// Jabatan (by code) with their unit and superior post.
    func importJabatan(_ c: PostgresConnection, _ context: inout ImportContext) throws -> ImportCounts {
        var units: [String: UUID] = [:]
        for row in try c.query("SELECT code, id FROM unit_kerja") {
            let (code, id) = try row.decode((String, UUID).self)
            units[code] = id
        }
        var jabatan: [String: Jabatan] = [:]
        for row in try c.query("SELECT \(unescaped: OrganisationStore.jabatanColumns) FROM jabatan") {
            let j = try OrganisationStore.jabatan(row)
            jabatan[j.code] = j
        }
        let codeByID = Dictionary(jabatan.values.map { ($0.id, $0.code) }, uniquingKeysWith: { a, _ in a })
        let t = context.table
        var counts = ImportCounts()
        var file: [String: (row: CSVRecord, value: Jabatan, superiorCode: String)] = [:]
        var order: [String] = []
        for row in t.rows {
            let code = t.value(row, "kode_jabatan"), name = t.value(row, "nama_jabatan")
            let kind = JabatanKind(rawValue: t.value(row, "jenis").lowercased())
            let jenjangText = t.value(row, "jenjang").lowercased()
            let jenjang = jenjangText.isEmpty ? nil : JenjangFungsional(rawValue: jenjangText)
            let unitCode = t.value(row, "kode_unit")
            var ok = true
            if let error = OrganisationRules.checkCode(code) { context.issue(row, "kode_jabatan", error); ok = false }
            if let error = OrganisationRules.checkName(name) { context.issue(row, "nama_jabatan", error); ok = false }
            if kind == nil {
                context.issue(row, "jenis", "invalid_jabatan_kind", "Jenis jabatan harus jpt, administrator, pengawas, pelaksana atau fungsional.")
                ok = false
            }
            if !jenjangText.isEmpty, jenjang == nil {
                context.issue(row, "jenjang", "invalid_jenjang", "Jenjang tidak dikenal.")
                ok = false
            } else if let kind, let error = OrganisationRules.checkJenjang(kind: kind, jenjang: jenjang) {
                context.issue(row, "jenjang", error)
                ok = false
            }
            let unitID = units[unitCode]
            if unitID == nil {
                context.issue(row, "kode_unit", "unknown_reference", "Unit kerja \(unitCode) tidak ditemukan.")
                ok = false
            }
            guard ok, let kind, let unitID else { continue }
            if let first = file[code] {
                context.issue(row, "kode_jabatan", "duplicate_in_file", "Kode jabatan ini sudah ada pada baris \(first.row.line).")
                continue
            }
            let before = jabatan[code]
            let value = Jabatan(id: before?.id ?? .timeOrdered(), unitKerjaID: unitID, superiorID: nil, code: code, name: name,
                                kind: kind, jenjang: jenjang, active: before?.active ?? true)
            file[code] = (row, value, t.value(row, "kode_jabatan_atasan"))
            order.append(code)
        }
        var superiorOf: [String: String] = [:]
        for (code, j) in jabatan { if let s = j.superiorID, let sc = codeByID[s] { superiorOf[code] = sc } }
        for (code, entry) in file { superiorOf[code] = entry.superiorCode.isEmpty ? nil : entry.superiorCode }
        var writes: [(before: Jabatan?, after: Jabatan)] = []
        for code in order {
            guard let entry = file[code] else { continue }
            var value = entry.value
            if !entry.superiorCode.isEmpty {
                guard let superiorID = file[entry.superiorCode]?.value.id ?? jabatan[entry.superiorCode]?.id else {
                    context.issue(entry.row, "kode_jabatan_atasan", "unknown_reference",
                                  "Jabatan atasan \(entry.superiorCode) tidak ada di berkas maupun data.")
                    continue
                }
                if Self.hasCycle(from: code, superiorOf) {
                    context.issue(entry.row, "kode_jabatan_atasan", "cycle", "Jabatan atasan membentuk lingkaran.")
                    continue
                }
                value.superiorID = superiorID
            }
            let before = jabatan[code]
            if before == value { counts.unchanged += 1; continue }
            if before == nil { counts.created += 1 } else { counts.updated += 1 }
            writes.append((before, value))
        }
        guard context.shouldWrite, !writes.isEmpty else { return counts }
        let j = writes.map(\.after)
        try c.query("""
            INSERT INTO jabatan (tenant_id, id, unit_kerja_id, superior_id, code, name, kind, jenjang)
            SELECT \(context.tenant), u.id, u.unit, u.superior, u.code, u.name, u.kind, u.jenjang
              FROM unnest(\(j.map(\.id)), \(j.map(\.unitKerjaID)), \(j.map(\.superiorID)), \(j.map(\.code)), \(j.map(\.name)),
                          \(j.map(\.kind.rawValue)), \(j.map { $0.jenjang?.rawValue }))
                   AS u(id, unit, superior, code, name, kind, jenjang)
            ON CONFLICT (tenant_id, id) DO UPDATE
               SET unit_kerja_id = EXCLUDED.unit_kerja_id, superior_id = EXCLUDED.superior_id, name = EXCLUDED.name,
                   kind = EXCLUDED.kind, jenjang = EXCLUDED.jenjang, updated_at = now()
            """)
        let changes = try writes.map { w in
            try AuditChange(action: w.before == nil ? "create" : "update", entity: "jabatan", id: w.after.id, before: w.before, after: w.after)
        }
        try AuditLog.append(changes, tenant: context.tenant, actor: context.actor, at: context.at, on: c)
        return counts
    }

    /// Whether following `parentOf` from `start` comes back to `start`.
    static func hasCycle(from start: String, _ parentOf: [String: String]) -> Bool {
        var seen: Set<String> = [start]
        var current = parentOf[start]
        while let code = current {
            if !seen.insert(code).inserted { return true }
            current = parentOf[code]
        }
        return false
    }
}
