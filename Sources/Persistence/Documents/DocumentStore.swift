import Foundation
import Postgres
import Runtime

/// Issued documents with their SHA-256 and verification code (migration 0008). Issued bytes never
/// change; issuing again for the same reference adds a version and supersedes the current one.
public struct DocumentStore: Sendable {
    private let pool: PostgresPool

    /// The store over `pool` (the application's connection, subject to row-level security).
    public init(pool: PostgresPool) { self.pool = pool }

    /// The largest document accepted, 10 MiB (the same bound as the table's check).
    public static let maxBytes = 10 * 1024 * 1024
    /// How often a new code is drawn when one is taken.
    static let codeAttempts = 4
    /// Advisory-lock class for issuing; the object is `hashtext(reference id)`, so two issues of
    /// the same SKP or evaluation take turns and number their versions without a gap or a clash.
    static let lockClass: Int32 = 0x444F_4353  // "DOCS"

    /// Issues a document: draws a verification code, has `render` produce the bytes with that code
    /// printed on them, and stores them as the next version of `draft.referenceID`, marking the
    /// current version superseded and appending to the audit log, all in one transaction. When
    /// the code is already taken (by any tenant), the transaction is rolled back and it starts
    /// again with a new code and a new rendering.
    ///
    /// A draft with an explicit `version` that is already issued, or older than the latest, adds
    /// nothing: the stored version is returned and `then` is not called, so a retried document job
    /// issues once. `then` runs in the issuing transaction after the insert (to queue what must
    /// commit with the document, such as the notification that announces it).
    ///
    /// The issuing transaction commits without waiting for its WAL flush (`synchronous_commit =
    /// off`). Documents are issued by worker jobs only, and a job's completion commits
    /// synchronously after the document's, so it flushes the WAL through the document as well:
    /// once a job is completed its document is durable. A database crash in between loses both
    /// and the job, still running, is rescued and issues again. What is gained: the tenant's
    /// audit-chain lock (`AuditLog.append`) is held until commit, and without the flush under it
    /// the issues of one tenant no longer queue behind each other's disk writes (a season of
    /// 14,880 documents: 62 s → see docs/scaling.md).
    ///
    /// Its statements are planned afresh each time (`plan_cache_mode = force_custom_plan`): the
    /// table grows from nothing to a regency's season within a minute, and a plan cached while it
    /// was small (the version lookup, the verification code's foreign-key check) kept scanning the
    /// whole table until autovacuum analysed it: 136 s of server time over 14,880 issues in one
    /// measured season, against a fraction of a millisecond of planning per issue.
    public func issue(_ draft: DocumentDraft, id: UUID, tenant: UUID, actor: AuditActor, at: Date,
                      render: @escaping (VerificationCode) throws -> [UInt8],
                      then: @escaping (StoredDocument, PostgresConnection) throws -> Void = { _, _ in }) throws -> StoredDocument {
        try issue(draft, id: id, tenant: tenant, actor: actor, at: at, drawCode: { try VerificationCode.random() },
                  render: render, then: then)
    }

    /// The issuing transaction's settings (see `issue`).
    static let issueSettings = [PostgresSetting("synchronous_commit", "off"), .customPlans]

    /// One document for `issue(_:tenant:)`: the draft, its id, who issues it and when, how to
    /// render it with its code, and what to do in the issuing transaction once it is stored
    /// (not called for a version issued already).
    public struct Request {
        public var draft: DocumentDraft
        public var id: UUID
        public var actor: AuditActor
        public var at: Date
        public var render: (VerificationCode) throws -> [UInt8]
        public var then: (StoredDocument, PostgresConnection) throws -> Void

        /// A request; `then` does nothing by default.
        public init(_ draft: DocumentDraft, id: UUID, actor: AuditActor, at: Date,
                    render: @escaping (VerificationCode) throws -> [UInt8],
                    then: @escaping (StoredDocument, PostgresConnection) throws -> Void = { _, _ in }) {
            self.draft = draft
            self.id = id
            self.actor = actor
            self.at = at
            self.render = render
            self.then = then
        }
    }

    /// Issues several documents of `tenant` in one transaction, each exactly as `issue` issues one
    /// (its own version, code and audit entry), all or none: the worker's batch of evaluation
    /// documents. The audit entries are appended together, so the tenant's chain lock is taken
    /// once for all of them. Returns what was stored (or found, for a version issued already),
    /// in the order asked.
    public func issue(_ requests: [Request], tenant: UUID) throws -> [StoredDocument] {
        try issue(requests, tenant: tenant, drawCode: { try VerificationCode.random() })
    }

    /// `issue` with the codes drawn by `drawCode`, so tests can force a collision. A code taken
    /// already rolls the whole transaction back, and every document is drawn and rendered anew.
    func issue(_ requests: [Request], tenant: UUID, drawCode: () throws -> VerificationCode) throws -> [StoredDocument] {
        for _ in 0..<Self.codeAttempts {
            var rendered: [(code: VerificationCode, bytes: [UInt8])] = []
            for request in requests {
                let code = try drawCode()
                let bytes = try request.render(code)
                guard (1...Self.maxBytes).contains(bytes.count) else { throw DocumentStoreError.invalidSize(bytes.count) }
                rendered.append((code, bytes))
            }
            do {
                return try pool.transaction(tenant: tenant, settings: Self.issueSettings) { connection in
                    var stored: [StoredDocument] = [], changes: [(AuditActor, Date, [AuditChange])] = []
                    for (request, (code, bytes)) in zip(requests, rendered) {
                        let (document, audit) = try insert(request.draft, id: request.id, code: code, bytes: bytes,
                                                           tenant: tenant, at: request.at, on: connection)
                        if !audit.isEmpty {
                            try request.then(document, connection)
                            changes.append((request.actor, request.at, audit))
                        }
                        stored.append(document)
                    }
                    try AuditLog.append(changes, tenant: tenant, on: connection)
                    return stored
                }
            } catch let error as PostgresError where error.kind == .uniqueViolation
                && error.constraintName == "document_codes_pkey" {
                continue
            }
        }
        throw DocumentStoreError.verificationCodesExhausted
    }

    /// `issue` with the codes drawn by `drawCode`, so tests can force a collision.
    func issue(_ draft: DocumentDraft, id: UUID, tenant: UUID, actor: AuditActor, at: Date,
               drawCode: () throws -> VerificationCode,
               render: @escaping (VerificationCode) throws -> [UInt8],
               then: @escaping (StoredDocument, PostgresConnection) throws -> Void = { _, _ in }) throws -> StoredDocument {
        let request = Request(draft, id: id, actor: actor, at: at, render: render, then: then)
        return try issue([request], tenant: tenant, drawCode: drawCode)[0]
    }

    /// Stores one document as the next version of its reference and returns it with the audit
    /// changes to append; no changes when the wanted version was issued already (then the stored
    /// one is returned).
    private func insert(_ draft: DocumentDraft, id: UUID, code: VerificationCode, bytes: [UInt8], tenant: UUID,
                        at: Date, on connection: PostgresConnection) throws -> (StoredDocument, [AuditChange]) {
        let kind = draft.kind.rawValue
        try connection.query("SELECT pg_advisory_xact_lock(\(Self.lockClass), hashtext(\(draft.referenceID.uuidString.lowercased())))")
        let latest = try connection.query("""
            SELECT coalesce(max(version), 0) FROM documents WHERE kind = \(kind) AND reference_id = \(draft.referenceID)
            """).first?.decode(Int.self, at: 0) ?? 0
        if let wanted = draft.version, wanted <= latest {
            // Issued already (a retry), or a newer version exists: the wanted one if stored, else the latest.
            let existing = try connection.query("""
                SELECT \(unescaped: Self.columns) FROM documents WHERE kind = \(kind) AND reference_id = \(draft.referenceID)
                 ORDER BY (version = \(wanted)) DESC, version DESC LIMIT 1
                """).first.map(Self.stored)
            if let existing { return (existing, []) }
        }
        let version = draft.version ?? latest + 1
        // The first version supersedes nothing (a season's every document): no statement for it.
        let previous = latest == 0 ? nil : try connection.query("""
            UPDATE documents SET superseded_at = \(at), superseded_by = \(id)
             WHERE kind = \(kind) AND reference_id = \(draft.referenceID) AND superseded_at IS NULL
            RETURNING id
            """).first?.decode(UUID.self, at: 0)
        let sha256 = Runtime.SHA256.hex(bytes)
        try connection.query("""
            INSERT INTO documents (tenant_id, id, kind, subject_employee_id, reference_id, version, subject_name,
                                   period_label, bytes, sha256, verification_code, created_at)
            VALUES (\(tenant), \(id), \(kind), \(draft.subjectEmployeeID), \(draft.referenceID), \(version),
                    \(draft.subjectName), \(draft.periodLabel), \(bytes), \(sha256), \(code.text), \(at))
            """)
        let stored = StoredDocument(id: id, tenantID: tenant, kind: draft.kind, subjectEmployeeID: draft.subjectEmployeeID,
                                    referenceID: draft.referenceID, version: version, sha256: sha256,
                                    verificationCode: code, createdAt: at, supersededAt: nil, supersededBy: nil)
        var changes = [AuditChange(action: "create", entity: "document", entityID: id.uuidString.lowercased(), before: nil,
                                   after: .object(["kind": .string(kind), "referenceId": .string(draft.referenceID.uuidString.lowercased()),
                                                   "version": .number(Decimal(version)), "sha256": .string(sha256),
                                                   "verificationCode": .string(code.text)]))]
        if let previous {
            changes.append(AuditChange(action: "supersede", entity: "document", entityID: previous.uuidString.lowercased(),
                                       before: nil, after: .object(["supersededBy": .string(id.uuidString.lowercased())])))
        }
        return (stored, changes)
    }

    /// The record of document `id`, or nil when the tenant has none such.
    public func document(tenant: UUID, id: UUID) throws -> StoredDocument? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try connection.query("SELECT \(unescaped: Self.columns) FROM documents WHERE id = \(id)").first.map(Self.stored)
        }
    }

    /// The record and bytes of document `id`, or nil.
    public func download(tenant: UUID, id: UUID) throws -> (document: StoredDocument, bytes: [UInt8])? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            guard let row = try connection.query("SELECT \(unescaped: Self.columns), bytes FROM documents WHERE id = \(id)").first else {
                return nil
            }
            return (try Self.stored(row), try row.decode([UInt8].self, column: "bytes"))
        }
    }

    /// Every version issued for `referenceID`, oldest first.
    public func versions(tenant: UUID, kind: DocumentKind, referenceID: UUID) throws -> [StoredDocument] {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try connection.query("""
                SELECT \(unescaped: Self.columns) FROM documents WHERE kind = \(kind.rawValue) AND reference_id = \(referenceID)
                 ORDER BY version
                """).map(Self.stored)
        }
    }

    /// The public facts of the document with `code`, or nil when no tenant issued it. Needs no
    /// tenant: `verify_document` (migration 0008) looks the code up on the application's behalf.
    public func verify(_ code: VerificationCode) throws -> DocumentVerification? {
        try pool.withConnection(retryOnConnectionLoss: true) { connection in
            guard let row = try connection.query("""
                SELECT tenant_name, kind, subject_name_masked, period_label, sha256, version, created_at, superseded
                  FROM verify_document(\(code.text))
                """).first else { return nil }
            let (tenantName, kind, masked, period, sha256, version, createdAt, superseded) =
                try row.decode((String, String, String, String, String, Int32, Date, Bool).self)
            guard let kind = DocumentKind(rawValue: kind) else {
                throw PostgresError(kind: .client, debugMessage: "unknown document kind \(kind)")
            }
            return DocumentVerification(code: code, tenantName: tenantName, kind: kind, maskedSubjectName: masked,
                                        periodLabel: period, sha256: sha256, version: Int(version), createdAt: createdAt,
                                        isSuperseded: superseded)
        }
    }

    /// The columns `stored(_:)` decodes, in order (a constant, never input).
    private static let columns = "id, tenant_id, kind, subject_employee_id, reference_id, version, sha256, "
        + "verification_code, created_at, superseded_at, superseded_by"

    private static func stored(_ row: PostgresRow) throws -> StoredDocument {
        // By position, so a query may select more columns after these (the bytes of a download).
        let id = try row.decode(UUID.self, at: 0), tenant = try row.decode(UUID.self, at: 1)
        let kind = try row.decode(String.self, at: 2), subject = try row.decode(UUID.self, at: 3)
        let reference = try row.decode(UUID.self, at: 4), version = try row.decode(Int32.self, at: 5)
        let sha256 = try row.decode(String.self, at: 6), code = try row.decode(String.self, at: 7)
        let createdAt = try row.decode(Date.self, at: 8), supersededAt = try row.decode(Date?.self, at: 9)
        let supersededBy = try row.decode(UUID?.self, at: 10)
        guard let kind = DocumentKind(rawValue: kind), let code = VerificationCode(code) else {
            throw PostgresError(kind: .client, debugMessage: "malformed document row \(id)")
        }
        return StoredDocument(id: id, tenantID: tenant, kind: kind, subjectEmployeeID: subject, referenceID: reference,
                              version: Int(version), sha256: sha256, verificationCode: code, createdAt: createdAt,
                              supersededAt: supersededAt, supersededBy: supersededBy)
    }
}
