import Foundation
import Kinerja
import Postgres

/// Reads and writes the rule-set versions of tenants (`rule_set_versions`, migration 0006).
///
/// The domain decides (`RuleSet.parse`, `RuleSetVersion`, `RuleSetVersionHistory`); this store keeps
/// the record. Every method runs in a transaction scoped to the tenant (`transaction(tenant:)`), so
/// row-level security shows it only that tenant's versions. Central admins, who have no tenant, write
/// through the same path: the API authorises them, then the store scopes the transaction to the
/// target tenant. Every write first takes the tenant's advisory lock (`lock_rule_set_versions`), so
/// numbering and publication of one tenant are serial and the domain's overlap check sees the whole
/// history; the database's triggers check immutability and overlap once more. Writes take the
/// `Tenant`, because a document is checked against its slug and time zone; reads take its id.
public struct RuleSetStore: Sendable {
    /// The longest legal note the database accepts.
    public static let legalNoteLimit = 2000

    private let pool: PostgresPool

    /// A store over `pool`.
    public init(pool: PostgresPool) { self.pool = pool }

    /// The result of publishing a draft.
    public struct Publication: Sendable, Equatable {
        /// The newly published version.
        public var published: StoredRuleSetVersion
        /// The open-ended predecessor whose range was closed the day before, if any.
        public var closed: StoredRuleSetVersion?
    }

    // MARK: Validation (dry)

    /// Parses `document` and checks that it belongs to `tenant` (slug and time zone); writes nothing.
    /// Throws every issue with its JSON path.
    public static func validate(_ document: Data, for tenant: Tenant) throws(ValidationFailure) -> RuleSet {
        let ruleSet = try RuleSet.parse(document)
        var issues: [ValidationIssue] = []
        if ruleSet.tenant != tenant.slug {
            issues.append(ValidationIssue(path: "$.tenant", code: .inconsistent,
                                          message: "aturan ini untuk tenant '\(ruleSet.tenant)', bukan '\(tenant.slug)'"))
        }
        // Deadlines are computed in the rule set's zone; it must be the tenant's (architecture.md, "Data").
        if ruleSet.timeZone != tenant.timeZone {
            issues.append(ValidationIssue(path: "$.timeZone", code: .inconsistent,
                                          message: "zona waktu tenant \(tenant.slug) adalah \(tenant.timeZone), bukan \(ruleSet.timeZone)"))
        }
        guard issues.isEmpty else { throw ValidationFailure(issues: issues) }
        return ruleSet
    }

    // MARK: Drafts

    /// Stores `document` as a new draft of `tenant`, numbered one above the tenant's highest version.
    public func createDraft(tenant: Tenant, document: Data, legalNote: String? = nil,
                            by actor: AuditActor, at instant: Date) throws -> StoredRuleSetVersion {
        let ruleSet = try Self.checked(document, for: tenant)
        try Self.checkNote(legalNote)
        return try pool.transaction(tenant: tenant.id) { connection in
            try Self.lock(tenant.id, on: connection)
            return try Self.insertDraft(ruleSet, tenant: tenant, legalNote: legalNote, by: actor, at: instant, on: connection)
        }
    }

    /// Replaces the rules (and note) of draft `number`; a published version refuses.
    public func updateDraft(tenant: Tenant, number: Int, document: Data, legalNote: String? = nil,
                            by actor: AuditActor, at instant: Date) throws -> StoredRuleSetVersion {
        let ruleSet = try Self.checked(document, for: tenant)
        try Self.checkNote(legalNote)
        return try pool.transaction(tenant: tenant.id) { connection in
            try Self.lock(tenant.id, on: connection)
            guard let current = try Self.load(number, tenant: tenant.id, on: connection) else {
                throw RuleSetStoreError.versionNotFound(number)
            }
            do {
                _ = try current.version.editing(ruleSet)
            } catch let error as RuleSetVersionError {
                throw RuleSetStoreError.refused(error)
            }
            let rows = try connection.query("""
                UPDATE rule_set_versions
                   SET document = \(try Self.jsonb(ruleSet)), legal_note = nullif(\(legalNote ?? ""), ''), updated_at = now()
                 WHERE tenant_id = \(tenant.id) AND version = \(number) AND status = 'draft'
                RETURNING \(unescaped: Self.columns)
                """)
            guard let row = rows.first else { throw RuleSetStoreError.versionNotFound(number) }
            let updated = try Self.decode(row)
            try Self.audit("edit", before: current, after: updated, withDocument: true, tenant: tenant.id, actor: actor,
                           at: instant, on: connection)
            return updated
        }
    }

    // MARK: Publication

    /// Publishes draft `number` from `validFrom` (through `validUntil`, inclusive; nil = open-ended).
    /// An open-ended predecessor that started earlier is closed the day before; any other overlap
    /// with a published version refuses the whole publication, as does publishing twice.
    public func publish(tenant: Tenant, number: Int, validFrom: CivilDate, validUntil: CivilDate? = nil,
                        by actor: AuditActor, at instant: Date) throws -> Publication {
        try pool.transaction(tenant: tenant.id) { connection in
            try Self.lock(tenant.id, on: connection)
            return try Self.publish(number, tenant: tenant, validFrom: validFrom, validUntil: validUntil,
                                    by: actor, at: instant, on: connection)
        }
    }

    // MARK: Reads (by the tenant's id: nothing to check against the tenant's slug or zone)

    /// Every version of tenant `tenant` (its id), oldest first.
    public func versions(tenant: UUID) throws -> [StoredRuleSetVersion] {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try Self.loadAll(tenant, on: connection)
        }
    }

    /// Version `number` of tenant `tenant`, or nil.
    public func version(tenant: UUID, number: Int) throws -> StoredRuleSetVersion? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try Self.load(number, tenant: tenant, on: connection)
        }
    }

    /// The published version of tenant `tenant` in force on `date`, or nil: one indexed query.
    public func inForce(tenant: UUID, on date: CivilDate) throws -> StoredRuleSetVersion? {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            let rows = try connection.query("""
                SELECT \(unescaped: Self.columns) FROM rule_set_versions
                 WHERE tenant_id = \(tenant) AND status = 'published'
                   AND valid_from <= \(PostgresDate(date))
                   AND (valid_until IS NULL OR valid_until >= \(PostgresDate(date)))
                """)
            return try rows.first.map(Self.decode)
        }
    }

    /// The JSON paths whose values differ between versions `first` and `second` (`RuleSet.diff`), sorted.
    public func diff(tenant: UUID, _ first: Int, _ second: Int) throws -> [String] {
        let (a, b) = try pool.transaction(tenant: tenant, readOnly: true) { connection in
            guard let a = try Self.load(first, tenant: tenant, on: connection) else {
                throw RuleSetStoreError.versionNotFound(first)
            }
            guard let b = try Self.load(second, tenant: tenant, on: connection) else {
                throw RuleSetStoreError.versionNotFound(second)
            }
            return (a, b)
        }
        return try a.ruleSet.diff(b.ruleSet)
    }
}

// MARK: - Statements (shared with the seeder, always inside a tenant-scoped transaction)

extension RuleSetStore {
    static let columns = """
        version, status, valid_from, valid_until, document, legal_note, created_by, created_at, updated_at, \
        published_by, published_at
        """

    /// Serialises writes to `tenant`'s versions until the transaction ends.
    static func lock(_ tenant: UUID, on connection: PostgresConnection) throws {
        try connection.query("SELECT lock_rule_set_versions(\(tenant))")
    }

    static func insertDraft(_ ruleSet: RuleSet, tenant: Tenant, legalNote: String?, by actor: AuditActor, at instant: Date,
                            on connection: PostgresConnection) throws -> StoredRuleSetVersion {
        let rows = try connection.query("""
            INSERT INTO rule_set_versions (tenant_id, version, status, document, legal_note, created_by)
            SELECT \(tenant.id), coalesce(max(version), 0) + 1, 'draft', \(try jsonb(ruleSet)), nullif(\(legalNote ?? ""), ''), \(actor.description)
              FROM rule_set_versions WHERE tenant_id = \(tenant.id)
            RETURNING \(unescaped: columns)
            """)
        guard let row = rows.first else { throw PostgresError(kind: .client, debugMessage: "INSERT returned no row") }
        let created = try decode(row)
        try audit("create", before: nil, after: created, withDocument: true, tenant: tenant.id, actor: actor, at: instant,
                  on: connection)
        return created
    }

    static func publish(_ number: Int, tenant: Tenant, validFrom: CivilDate, validUntil: CivilDate?,
                        by actor: AuditActor, at instant: Date, on connection: PostgresConnection) throws -> Publication {
        let history = try loadAll(tenant.id, on: connection)
        guard let draft = history.first(where: { $0.number == number }) else {
            throw RuleSetStoreError.versionNotFound(number)
        }
        let decided: RuleSetVersionHistory.Publication
        do {
            decided = try RuleSetVersionHistory.publish(draft.version, validFrom: validFrom, validUntil: validUntil,
                                                        at: instant, existing: history.map(\.version))
        } catch {
            throw RuleSetStoreError.refused(error)
        }
        // Close the predecessor first: the overlap trigger checks each row as it is written.
        var closed: StoredRuleSetVersion?
        if let predecessor = decided.closed, let lastDay = predecessor.validUntil {
            let rows = try connection.query("""
                UPDATE rule_set_versions SET valid_until = \(PostgresDate(lastDay)), updated_at = now()
                 WHERE tenant_id = \(tenant.id) AND version = \(predecessor.number)
                RETURNING \(unescaped: columns)
                """)
            closed = try rows.first.map { try decode($0) }
            if let closed, let open = history.first(where: { $0.number == closed.number }) {
                try audit("close", before: open, after: closed, withDocument: false, tenant: tenant.id, actor: actor,
                          at: instant, on: connection)
            }
        }
        let rows = try connection.query("""
            UPDATE rule_set_versions
               SET status = 'published', valid_from = \(PostgresDate(validFrom)),
                   valid_until = nullif(\(validUntil?.description ?? ""), '')::date, published_by = \(actor.description),
                   published_at = \(instant), updated_at = now()
             WHERE tenant_id = \(tenant.id) AND version = \(number) AND status = 'draft'
            RETURNING \(unescaped: columns)
            """)
        guard let row = rows.first else { throw RuleSetStoreError.refused(.publishedVersionIsImmutable(number: number)) }
        let published = try decode(row)
        try audit("publish", before: draft, after: published, withDocument: false, tenant: tenant.id, actor: actor,
                  at: instant, on: connection)
        return Publication(published: published, closed: closed)
    }

    static func loadAll(_ tenant: UUID, on connection: PostgresConnection) throws -> [StoredRuleSetVersion] {
        let rows = try connection.query("""
            SELECT \(unescaped: columns) FROM rule_set_versions
             WHERE tenant_id = \(tenant) ORDER BY version
            """)
        return try rows.map(decode)
    }

    static func load(_ number: Int, tenant: UUID, on connection: PostgresConnection) throws -> StoredRuleSetVersion? {
        let rows = try connection.query("""
            SELECT \(unescaped: columns) FROM rule_set_versions
             WHERE tenant_id = \(tenant) AND version = \(number)
            """)
        return try rows.first.map(decode)
    }

    static func decode(_ row: PostgresRow) throws -> StoredRuleSetVersion {
        let (number, status, validFrom, validUntil, document, legalNote, createdBy, createdAt, updatedAt,
             publishedBy, publishedAt) = try row.decode(
                (Int, String, PostgresDate?, PostgresDate?, PostgresJSONB, String?, String, Date, Date, String?, Date?).self)
        let ruleSet: RuleSet
        do {
            ruleSet = try RuleSet.parse(Data(document.bytes))
        } catch {
            throw RuleSetStoreError.storedDocumentUnreadable(version: number, issues: error.issues)
        }
        var version = RuleSetVersion.draft(number: number, ruleSet: ruleSet)
        if status == RuleSetVersion.Status.published.rawValue {
            guard let validFrom, let publishedAt else {
                throw RuleSetStoreError.storedDocumentUnreadable(version: number, issues: [])
            }
            version = try version.published(validFrom: CivilDate(validFrom), validUntil: validUntil.map(CivilDate.init),
                                             at: publishedAt)
        }
        return StoredRuleSetVersion(version: version, legalNote: legalNote, createdBy: createdBy, createdAt: createdAt,
                                    updatedAt: updatedAt, publishedBy: publishedBy)
    }

    static func jsonb(_ ruleSet: RuleSet) throws -> PostgresJSONB {
        PostgresJSONB(rawJSON: String(decoding: try ruleSet.canonicalJSON(), as: UTF8.self))
    }

    static func checked(_ document: Data, for tenant: Tenant) throws(RuleSetStoreError) -> RuleSet {
        do {
            return try validate(document, for: tenant)
        } catch {
            throw .invalidDocument(error)
        }
    }

    static func checkNote(_ note: String?) throws(RuleSetStoreError) {
        if let note, note.count > legalNoteLimit { throw .legalNoteTooLong(limit: legalNoteLimit) }
    }
}
