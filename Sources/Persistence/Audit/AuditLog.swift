import Foundation
import Kinerja
import Postgres
import Runtime

/// The tenant's hash-chained audit log (migration 0003). Stores append inside their own
/// transaction, so a change and its entry commit together or not at all.
public struct AuditLog: Sendable {
    private let pool: PostgresPool

    /// The log over `pool` (the application's connection; it may only insert and read entries).
    public init(pool: PostgresPool) { self.pool = pool }

    /// Advisory-lock class for audit appends; the object is `hashtext(tenant id)`. Two tenants
    /// whose ids hash alike merely wait for each other. Migration 0019's `audit_append` takes it
    /// (the number is written there); anything else that must not interleave with a tenant's
    /// appends takes the same lock.
    static let lockClass: Int32 = 0x4155_4454  // "AUDT"

    /// Appends `changes`, in order, to `tenant`'s chain on `connection`, which must be inside a
    /// transaction for that tenant (`PostgresPool.transaction(tenant:)`). The append is sent with
    /// the transaction's COMMIT (`deferUntilCommit`) and run by the server (`audit_append`,
    /// migration 0019): it takes the tenant's chain lock, reads the head, numbers and hashes the
    /// entries and inserts them, and the lock ends with the commit in the same round trip. Appends
    /// of one tenant are so serialised without a fork, and the lock is never held while this
    /// process is busy elsewhere. A failure rolls the whole transaction back.
    public static func append(_ changes: [AuditChange], tenant: UUID, actor: AuditActor, at: Date,
                              on connection: PostgresConnection) throws {
        try append([(actor, at, changes)], tenant: tenant, on: connection)
    }

    /// Appends the changes of several actions (each by its actor, at its time), in order, in one
    /// `audit_append`: the chain lock is taken once for all of them (a batch of documents).
    public static func append(_ actions: [(actor: AuditActor, at: Date, changes: [AuditChange])], tenant: UUID,
                              on connection: PostgresConnection) throws {
        let entries = actions.flatMap { action in action.changes.map { (actor: action.actor, at: action.at, change: $0) } }
        guard !entries.isEmpty else { return }
        var ats: [String] = [], actors: [String] = [], names: [String] = [], entities: [String] = [], ids: [String] = []
        var befores: [String?] = [], afters: [String?] = [], prefixes: [String] = [], suffixes: [String] = []
        for (actor, at, change) in entries {
            // The number is the server's to give; the split text does not depend on it.
            let entry = AuditEntry(tenantID: tenant, seq: 0, at: at, actor: actor.description, action: change.action,
                                   entity: change.entity, entityID: change.entityID, before: change.before, after: change.after)
            let (prefix, suffix) = entry.canonicalJSONAroundSeq
            ats.append(AuditEntry.timestamp(entry.at))
            actors.append(entry.actor)
            names.append(entry.action)
            entities.append(entry.entity)
            ids.append(entry.entityID)
            befores.append(entry.before.map(CanonicalJSON.string))
            afters.append(entry.after.map(CanonicalJSON.string))
            prefixes.append(prefix)
            suffixes.append(suffix)
        }
        try connection.deferUntilCommit("""
            SELECT audit_append(\(tenant), \(ats), \(actors), \(names), \(entities), \(ids), \(befores), \(afters),
                                \(prefixes), \(suffixes))
            """)
    }

    /// Appends one change; see `append(_:tenant:actor:at:on:)`.
    public static func append(_ change: AuditChange, tenant: UUID, actor: AuditActor, at: Date,
                              on connection: PostgresConnection) throws {
        try append([change], tenant: tenant, actor: actor, at: at, on: connection)
    }

    /// Walks `tenant`'s whole chain in order and names the first entry that breaks it: a gap in
    /// the numbering, a `prev_hash` that is not the previous hash, or content that no longer
    /// matches its hash. Reads in pages, so memory stays flat.
    public func verify(tenant: UUID, pageSize: Int = 2_000) throws -> AuditVerification {
        var verifier = AuditChainVerifier(hash: { SHA256.hash($0) })
        var after: Int64 = 0
        while verifier.firstBreak == nil {
            let rows = try pool.transaction(tenant: tenant, readOnly: true) { connection in
                try connection.query("""
                    SELECT seq, at, actor, action, entity, entity_id, before::text, after::text, prev_hash, hash
                      FROM audit_log WHERE seq > \(after) ORDER BY seq LIMIT \(pageSize)
                    """)
            }
            if rows.isEmpty { break }
            for row in rows {
                let (seq, at, actor, action, entity, entityID, before, afterJSON, previous, hash) =
                    try row.decode((Int64, Date, String, String, String, String, String?, String?, [UInt8], [UInt8]).self)
                let entry = AuditEntry(tenantID: tenant, seq: seq, at: at, actor: actor, action: action, entity: entity,
                                       entityID: entityID, before: try before.map(Self.parse), after: try afterJSON.map(Self.parse))
                verifier.check(entry, previousHash: previous, hash: hash)
                after = seq
            }
        }
        return AuditVerification(verifiedCount: verifier.verifiedCount, firstBreak: verifier.firstBreak)
    }

    /// The newest entries about one record, newest first.
    public func entries(tenant: UUID, entity: String, entityID: String, limit: Int = 100) throws -> [AuditEntry] {
        try pool.transaction(tenant: tenant, readOnly: true) { connection in
            try connection.query("""
                SELECT seq, at, actor, action, entity, entity_id, before::text, after::text
                  FROM audit_log WHERE entity = \(entity) AND entity_id = \(entityID) ORDER BY seq DESC LIMIT \(limit)
                """).map { row in
                let (seq, at, actor, action, entity, entityID, before, after) =
                    try row.decode((Int64, Date, String, String, String, String, String?, String?).self)
                return AuditEntry(tenantID: tenant, seq: seq, at: at, actor: actor, action: action, entity: entity,
                                  entityID: entityID, before: try before.map(Self.parse), after: try after.map(Self.parse))
            }
        }
    }

    private static func parse(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Data(text.utf8))
    }
}
