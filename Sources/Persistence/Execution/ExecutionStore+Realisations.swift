import Foundation
import Kinerja
import Postgres
import Runtime

extension ExecutionStore {
    /// Documents the realisation of one IKI of the approved revision for the period of `cadence`
    /// that contains `date` (Pasal 14 ayat (2)–(4)): only the employee, once per IKI and period (a
    /// second time is `realisationExists`: correct the first), not for an RHK taken over, and not
    /// for a period outside the SKP or not yet begun on `today`.
    public func document(tenant: UUID, skp id: UUID, rhk rhkID: UUID, iki ikiPosition: Int, on date: CivilDate,
                         cadence: RuleSet.Cadence, today: CivilDate, entry: RealisationEntry, by person: UUID,
                         at: Date) throws -> Realisation {
        let problems = ExecutionValidator.validate(entry)
        guard problems.isEmpty else { throw ExecutionError.invalid(problems) }
        return try pool.transaction(tenant: tenant) { c in
            let (skp, _) = try approvedSKP(id, for: .writeRealisation, by: person, on: c)
            let period = try RealisationPeriod.period(containing: date, cadence: cadence, year: skp.year, startMonth: skp.startMonth,
                                                      today: today)
            guard let rhk = skp.content.rhk.first(where: { $0.id == rhkID }) else {
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/rhkId", code: "unknown-rhk",
                                                                   message: "RHK ini tidak ada pada SKP yang ditetapkan.")])
            }
            guard rhk.iki.indices.contains(ikiPosition) else {
                throw ExecutionError.invalid([SKPValidationProblem(pointer: "/iki", code: "unknown-iki",
                                                                   message: "RHK ini memiliki \(rhk.iki.count) IKI (nomor 0–\(rhk.iki.count - 1)).")])
            }
            try ensureNotTakenOver(id, rhkID, on: c)
            let realisation = Realisation(id: UUID.timeOrdered(at: at), skpID: id, revision: skp.revision, rhkID: rhkID,
                                          ikiPosition: ikiPosition, period: period, entry: entry, createdBy: person,
                                          createdAt: at, updatedAt: at)
            let inserted = try c.query("""
                INSERT INTO realisations (tenant_id, id, skp_id, revision, rhk_id, iki_position, cadence, period_start, period_end,
                                          value, text, links, created_by, created_at, updated_at)
                VALUES (current_tenant_id(), \(realisation.id), \(id), \(skp.revision), \(rhkID), \(ikiPosition),
                        \(period.cadence.rawValue), \(PostgresDate(period.start)), \(PostgresDate(period.end)), \(entry.value),
                        \(Self.text(entry)), \(try PostgresJSONB(encoding: entry.links)), \(person), \(at), \(at))
                ON CONFLICT (tenant_id, skp_id, rhk_id, iki_position, period_start) DO NOTHING RETURNING id
                """)
            guard inserted.first != nil else {
                let existing = try c.query("""
                    SELECT id FROM realisations WHERE skp_id = \(id) AND rhk_id = \(rhkID) AND iki_position = \(ikiPosition)
                       AND period_start = \(PostgresDate(period.start))
                    """).first?.decode(UUID.self, at: 0)
                throw ExecutionError.realisationExists(existing: existing ?? realisation.id)
            }
            try AuditLog.append(try AuditChange(action: "create", entity: "realisation", id: realisation.id,
                                                before: Realisation?.none, after: realisation),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return realisation
        }
    }

    /// Corrects a realisation's value, text and links until its period's evaluation is final
    /// (`lockedAt`; the trigger of migration 0014 refuses it again). Only the employee.
    public func correct(tenant: UUID, realisation rid: UUID, entry: RealisationEntry, by person: UUID, at: Date) throws -> Realisation {
        let problems = ExecutionValidator.validate(entry)
        guard problems.isEmpty else { throw ExecutionError.invalid(problems) }
        return try pool.transaction(tenant: tenant) { c in
            let before = try writableRealisation(rid, by: person, on: c)
            try ensureNotTakenOver(before.skpID, before.rhkID, on: c)
            try c.query("""
                UPDATE realisations SET value = \(entry.value), text = \(Self.text(entry)),
                       links = \(try PostgresJSONB(encoding: entry.links)), updated_at = \(at)
                 WHERE id = \(rid)
                """)
            var after = before
            after.entry = RealisationEntry(value: entry.value, text: Self.text(entry), links: entry.links)
            after.updatedAt = at
            try AuditLog.append(try AuditChange(action: "edit", entity: "realisation", id: rid, before: before, after: after),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return after
        }
    }

    /// The realisations of an SKP the person may read, with their files' descriptions; only those
    /// within `period` when given.
    public func realisations(tenant: UUID, skp id: UUID, within period: EvaluationPeriod?, by person: UUID) throws -> [Realisation] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            _ = try approvedSKP(id, for: .readRealisation, by: person, on: c)
            return try loadRealisations(skp: id, within: period, on: c)
        }
    }

    /// **For the evaluation (issue 5 item 3):** the realisations of one SKP documented for periods
    /// that lie within `period` (the same period, or the shorter periods inside it when the
    /// tenant's cadence changed), ordered by RHK, IKI and period, each with its files'
    /// descriptions and `lockedAt`. No person check: the evaluation decides who may read.
    public func realisations(tenant: UUID, skp id: UUID, period: EvaluationPeriod) throws -> [Realisation] {
        try pool.transaction(tenant: tenant, readOnly: true) { c in try loadRealisations(skp: id, within: period, on: c) }
    }

    /// **For the evaluation (issue 5 item 3):** freezes the realisations of an SKP within `period`
    /// once that period's evaluation is final, in the caller's transaction when `connection` is given
    /// (so the lock commits with the evaluation), else in one of its own. Returns how many it locked.
    @discardableResult
    public func lockRealisations(tenant: UUID, skp id: UUID, period: EvaluationPeriod, at: Date,
                                 on connection: PostgresConnection? = nil) throws -> Int {
        let lock = { (c: PostgresConnection) throws -> Int in
            try c.query("""
                UPDATE realisations SET locked_at = \(at)
                 WHERE skp_id = \(id) AND period_start >= \(PostgresDate(period.start)) AND period_end <= \(PostgresDate(period.end))
                   AND locked_at IS NULL
                RETURNING id
                """).count
        }
        if let connection { return try lock(connection) }
        return try pool.transaction(tenant: tenant) { c in try lock(c) }
    }

    /// Adds an uploaded file to a realisation: at most `maxFilesPerRealisation`, each within the
    /// size and type limits, stored with its SHA-256. Only the employee, before the lock.
    public func addFile(tenant: UUID, realisation rid: UUID, name: String, contentType: String, bytes: [UInt8], by person: UUID,
                        at: Date) throws -> EvidenceFile {
        let problems = ExecutionValidator.validateFile(name: name, contentType: contentType, size: bytes.count)
        guard problems.isEmpty else { throw ExecutionError.invalid(problems) }
        return try pool.transaction(tenant: tenant) { c in
            let realisation = try writableRealisation(rid, by: person, on: c)
            guard realisation.files.count < ExecutionLimits.maxFilesPerRealisation else { throw ExecutionError.tooManyFiles }
            let file = EvidenceFile(id: UUID.timeOrdered(at: at), name: name.trimmingCharacters(in: .whitespaces),
                                    contentType: contentType, size: bytes.count, sha256: SHA256.hex(bytes), uploadedBy: person,
                                    uploadedAt: at)
            try c.query("""
                INSERT INTO realisation_files (tenant_id, id, realisation_id, name, content_type, bytes, sha256, uploaded_by, uploaded_at)
                VALUES (current_tenant_id(), \(file.id), \(rid), \(file.name), \(contentType), \(bytes), \(file.sha256), \(person), \(at))
                """)
            try AuditLog.append(try AuditChange(action: "attach", entity: "realisation", id: rid, before: EvidenceFile?.none, after: file),
                                tenant: tenant, actor: .user(person), at: at, on: c)
            return file
        }
    }

    /// Withdraws an uploaded file before the lock. Only the employee.
    public func removeFile(tenant: UUID, realisation rid: UUID, file fid: UUID, by person: UUID, at: Date) throws {
        try pool.transaction(tenant: tenant) { c in
            let realisation = try writableRealisation(rid, by: person, on: c)
            guard let file = realisation.files.first(where: { $0.id == fid }) else { throw ExecutionError.realisationNotFound }
            try c.query("DELETE FROM realisation_files WHERE id = \(fid) AND realisation_id = \(rid)")
            try AuditLog.append(try AuditChange(action: "detach", entity: "realisation", id: rid, before: file, after: EvidenceFile?.none),
                                tenant: tenant, actor: .user(person), at: at, on: c)
        }
    }

    /// An evidence file with its bytes, for the employee, the evaluator and the evaluator's superior.
    public func download(tenant: UUID, realisation rid: UUID, file fid: UUID, by person: UUID) throws -> EvidenceDownload {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            guard let skpID = try c.query("SELECT skp_id FROM realisations WHERE id = \(rid)").first?.decode(UUID.self, at: 0) else {
                throw ExecutionError.realisationNotFound
            }
            do {
                _ = try approvedSKP(skpID, for: .readRealisation, by: person, on: c)
            } catch ExecutionError.skpNotFound {
                throw ExecutionError.realisationNotFound
            }
            guard let row = try c.query("""
                SELECT name, content_type, bytes, sha256, uploaded_by, uploaded_at FROM realisation_files
                 WHERE id = \(fid) AND realisation_id = \(rid)
                """).first else { throw ExecutionError.realisationNotFound }
            let (name, type, bytes, sha256, by, at) = try row.decode((String, String, [UInt8], String, UUID, Date).self)
            return EvidenceDownload(file: EvidenceFile(id: fid, name: name, contentType: type, size: bytes.count, sha256: sha256,
                                                       uploadedBy: by, uploadedAt: at),
                                    bytes: bytes)
        }
    }

    // MARK: - Rows

    /// The realisation, locked for the change, after checking the person may write it and it is not locked.
    private func writableRealisation(_ rid: UUID, by person: UUID, on c: PostgresConnection) throws -> Realisation {
        guard let skpID = try c.query("SELECT skp_id FROM realisations WHERE id = \(rid) FOR UPDATE").first?.decode(UUID.self, at: 0) else {
            throw ExecutionError.realisationNotFound
        }
        do {
            _ = try approvedSKP(skpID, for: .writeRealisation, by: person, on: c)
        } catch ExecutionError.skpNotFound {
            throw ExecutionError.realisationNotFound
        }
        guard let realisation = try loadRealisations(skp: skpID, within: nil, only: rid, on: c).first else {
            throw ExecutionError.realisationNotFound
        }
        if let since = realisation.lockedAt { throw ExecutionError.realisationLocked(since: since) }
        return realisation
    }

    private func loadRealisations(skp id: UUID, within period: EvaluationPeriod?, only rid: UUID? = nil,
                                  on c: PostgresConnection) throws -> [Realisation] {
        let start = period.map { PostgresDate($0.start) }, end = period.map { PostgresDate($0.end) }
        var files: [UUID: [EvidenceFile]] = [:]
        for row in try c.query("""
            SELECT f.realisation_id, f.id, f.name, f.content_type, length(f.bytes)::int8, f.sha256, f.uploaded_by, f.uploaded_at
              FROM realisation_files f JOIN realisations r ON r.tenant_id = f.tenant_id AND r.id = f.realisation_id
             WHERE r.skp_id = \(id) AND (\(rid)::uuid IS NULL OR r.id = \(rid))
               AND (\(start)::date IS NULL OR (r.period_start >= \(start) AND r.period_end <= \(end)))
             ORDER BY f.id
            """) {
            let (realisation, fid, name, type, size, sha256, by, at) =
                try row.decode((UUID, UUID, String, String, Int, String, UUID, Date).self)
            files[realisation, default: []].append(EvidenceFile(id: fid, name: name, contentType: type, size: size, sha256: sha256,
                                                                uploadedBy: by, uploadedAt: at))
        }
        return try c.query("""
            SELECT id, revision, rhk_id, iki_position, cadence, period_start, period_end, value, text, links,
                   created_by, created_at, updated_at, locked_at
              FROM realisations
             WHERE skp_id = \(id) AND (\(rid)::uuid IS NULL OR id = \(rid))
               AND (\(start)::date IS NULL OR (period_start >= \(start) AND period_end <= \(end)))
             ORDER BY rhk_id, iki_position, period_start
            """).map { row in
            let (rid, revision, rhk, iki, cadence, from, until, value, text, links, by, created, updated, locked) =
                try row.decode((UUID, Int, UUID, Int, String, PostgresDate, PostgresDate, Decimal?, String?, PostgresJSONB,
                                UUID, Date, Date, Date?).self)
            var period = EvaluationPeriod(containing: CivilDate(from), cadence: RuleSet.Cadence(rawValue: cadence) ?? .monthly)
            period.end = CivilDate(until)
            return Realisation(id: rid, skpID: id, revision: revision, rhkID: rhk, ikiPosition: iki, period: period,
                               entry: RealisationEntry(value: value, text: text, links: try links.decode([String].self)),
                               files: files[rid] ?? [], createdBy: by, createdAt: created, updatedAt: updated, lockedAt: locked)
        }
    }

    /// The text as stored: blank text is no text.
    static func text(_ entry: RealisationEntry) -> String? {
        entry.text.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0 }
    }
}
