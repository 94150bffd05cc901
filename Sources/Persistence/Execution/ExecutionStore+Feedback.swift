import Foundation
import Kinerja
import Postgres

extension ExecutionStore {
    /// Records continuous feedback on the SKP's employee (Pasal 16–18). The evaluator gives it as the
    /// leader (`pimpinan`, periodic or incidental, Pasal 18 ayat (2)–(3)); anyone else of the tenant
    /// declares themselves a peer, a subordinate or another party (Pasal 17 ayat (2)) — and may not
    /// claim to be the leader. The employee is told.
    public func giveFeedback(tenant: UUID, skp id: UUID, relation declared: UmpanBalik.Relation?, kind: UmpanBalik.Kind,
                             rhk rhkID: UUID?, text: String, by person: UUID, at: Date) throws -> UmpanBalik {
        if let problem = ExecutionValidator.text(text, pointer: "/text", required: true) { throw ExecutionError.invalid([problem]) }
        return try pool.transaction(tenant: tenant) { c in
            let (skp, actor) = try approvedSKP(id, for: .giveFeedback, by: person, on: c)
            let relation: UmpanBalik.Relation
            switch (actor, declared) {
            case (.evaluator, nil), (.evaluator, .pimpinan?):
                relation = .pimpinan
            case (.evaluator, _?):
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/relation", code: "invalid-relation",
                    message: "Pejabat penilai memberikan umpan balik sebagai pimpinan.", basis: ExecutionBasis.feedback)])
            case (_, nil):
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/relation", code: "required",
                    message: "Nyatakan hubungan Anda dengan pegawai: rekan-kerja, bawahan atau pihak-lain.", basis: ExecutionBasis.feedback)])
            case (_, .pimpinan?):
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/relation", code: "invalid-relation",
                    message: "Hanya pejabat penilai kinerja pegawai ini yang memberikan umpan balik sebagai pimpinan.",
                    basis: ExecutionBasis.feedback)])
            case (_, let other?):
                relation = other
            }
            if let rhkID, !skp.content.rhk.contains(where: { $0.id == rhkID }) {
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/rhkId", code: "unknown-rhk",
                                                                   message: "RHK ini tidak ada pada SKP yang ditetapkan.")])
            }
            let feedback = UmpanBalik(id: UUID.timeOrdered(at: at), skpID: id, employeeID: skp.employeeID, giverID: person,
                                      relation: relation, kind: kind, rhkID: rhkID, text: text, givenAt: at)
            try c.query("""
                INSERT INTO umpan_balik (tenant_id, id, skp_id, employee_id, giver_id, relation, kind, rhk_id, text, given_at)
                VALUES (current_tenant_id(), \(feedback.id), \(id), \(skp.employeeID), \(person), \(relation.rawValue),
                        \(kind.rawValue), \(rhkID), \(text), \(at))
                """)
            try AuditLog.append(try AuditChange(action: "create", entity: "umpan_balik", id: feedback.id, before: UmpanBalik?.none,
                                                after: feedback),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            try notify("skp.feedback-received", skp: skp, record: feedback.id, notes: nil, tenant: tenant, on: c)
            return feedback
        }
    }

    /// The feedback on an SKP, newest first, for the employee, the evaluator and the evaluator's superior.
    public func feedback(tenant: UUID, skp id: UUID, by person: UUID, after: UUID?, limit: Int) throws -> ExecutionPage<UmpanBalik> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            _ = try approvedSKP(id, for: .readFeedback, by: person, on: c)
            let rows = try c.query("""
                SELECT id, employee_id, giver_id, relation, kind, rhk_id, text, given_at FROM umpan_balik
                 WHERE skp_id = \(id) AND (\(after)::uuid IS NULL OR id < \(after)) ORDER BY id DESC LIMIT \(limit + 1)
                """).map { row in
                let (fid, employee, giver, relation, kind, rhk, text, at) =
                    try row.decode((UUID, UUID, UUID, String, String, UUID?, String, Date).self)
                return UmpanBalik(id: fid, skpID: id, employeeID: employee, giverID: giver,
                                  relation: UmpanBalik.Relation(rawValue: relation) ?? .pihakLain,
                                  kind: UmpanBalik.Kind(rawValue: kind) ?? .insidental, rhkID: rhk, text: text, givenAt: at)
            }
            return Self.page(rows, limit: limit, id: \.id)
        }
    }

    /// Records bimbingan or konseling by the evaluator (Pasal 19 ayat (3) huruf c; Pasal 20), held on
    /// a day of the SKP's year, not in the future. The employee is told.
    public func recordCoaching(tenant: UUID, skp id: UUID, kind: PembinaanKinerja.Kind, heldOn: CivilDate, notes: String,
                               today: CivilDate, by person: UUID, at: Date) throws -> PembinaanKinerja {
        if let problem = ExecutionValidator.text(notes, pointer: "/notes", required: true) { throw ExecutionError.invalid([problem]) }
        return try pool.transaction(tenant: tenant) { c in
            let (skp, _) = try approvedSKP(id, for: .recordCoaching, by: person, on: c)
            guard heldOn.year == skp.year, !(today < heldOn) else {
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/heldOn", code: "out-of-range",
                    message: "Tanggal pembinaan harus dalam tahun SKP (\(skp.year)) dan tidak melewati hari ini.",
                    basis: ExecutionBasis.coaching)])
            }
            let record = PembinaanKinerja(id: UUID.timeOrdered(at: at), skpID: id, employeeID: skp.employeeID, evaluatorID: person,
                                          kind: kind, heldOn: heldOn, notes: notes, recordedAt: at)
            try c.query("""
                INSERT INTO pembinaan_kinerja (tenant_id, id, skp_id, employee_id, evaluator_id, kind, held_on, notes, recorded_at)
                VALUES (current_tenant_id(), \(record.id), \(id), \(skp.employeeID), \(person), \(kind.rawValue),
                        \(PostgresDate(heldOn)), \(notes), \(at))
                """)
            try AuditLog.append(try AuditChange(action: "create", entity: "pembinaan_kinerja", id: record.id,
                                                before: PembinaanKinerja?.none, after: record),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            try notify("skp.coaching-recorded", skp: skp, record: record.id, notes: nil, tenant: tenant, on: c)
            return record
        }
    }

    /// The coaching records of an SKP, newest first, for the employee, the evaluator and the evaluator's superior.
    public func coaching(tenant: UUID, skp id: UUID, by person: UUID, after: UUID?, limit: Int) throws -> ExecutionPage<PembinaanKinerja> {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            _ = try approvedSKP(id, for: .readCoaching, by: person, on: c)
            let rows = try c.query("""
                SELECT id, employee_id, evaluator_id, kind, held_on, notes, recorded_at FROM pembinaan_kinerja
                 WHERE skp_id = \(id) AND (\(after)::uuid IS NULL OR id < \(after)) ORDER BY id DESC LIMIT \(limit + 1)
                """).map { row in
                let (rid, employee, evaluator, kind, held, notes, at) =
                    try row.decode((UUID, UUID, UUID, String, PostgresDate, String, Date).self)
                return PembinaanKinerja(id: rid, skpID: id, employeeID: employee, evaluatorID: evaluator,
                                        kind: PembinaanKinerja.Kind(rawValue: kind) ?? .bimbingan, heldOn: CivilDate(held), notes: notes,
                                        recordedAt: at)
            }
            return Self.page(rows, limit: limit, id: \.id)
        }
    }

    /// The first `limit` rows, and where to continue when there were more.
    static func page<Item>(_ rows: [Item], limit: Int, id: KeyPath<Item, UUID>) -> ExecutionPage<Item> {
        let items = Array(rows.prefix(limit))
        return ExecutionPage(items: items, nextAfter: rows.count > limit ? items.last?[keyPath: id] : nil)
    }
}
