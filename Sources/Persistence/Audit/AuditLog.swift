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
    /// whose ids hash alike merely wait for each other.
    static let lockClass: Int32 = 0x4155_4454  // "AUDT"

    /// Appends `changes`, in order, to `tenant`'s chain on `connection`, which must be inside a
    /// transaction for that tenant (`PostgresPool.transaction(tenant:)`). Appends of one tenant
    /// are serialised by a transaction-scoped advisory lock, held until commit, so the chain
    /// never forks: the next appender reads the head only after this one committed.
    public static func append(_ changes: [AuditChange], tenant: UUID, actor: AuditActor, at: Date,
                              on connection: PostgresConnection) throws {
        guard !changes.isEmpty else { return }
        try connection.query("SELECT pg_advisory_xact_lock(\(lockClass), hashtext(\(tenant.uuidString.lowercased())))")
        var seq: Int64 = 0
        var previous = AuditEntry.genesisHash
        if let head = try connection.query("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").first {
            (seq, previous) = try head.decode((Int64, [UInt8]).self)
        }
        var seqs: [Int64] = [], ats: [String] = [], actors: [String] = [], actions: [String] = [], entities: [String] = []
        var ids: [String] = [], befores: [String?] = [], afters: [String?] = [], prevs: [String] = [], hashes: [String] = []
        for change in changes {
            seq += 1
            let entry = AuditEntry(tenantID: tenant, seq: seq, at: at, actor: actor.description, action: change.action,
                                   entity: change.entity, entityID: change.entityID, before: change.before, after: change.after)
            let hash = SHA256.hash(entry.chainInput(previous: previous))
            seqs.append(seq)
            ats.append(AuditEntry.timestamp(entry.at))
            actors.append(entry.actor)
            actions.append(entry.action)
            entities.append(entry.entity)
            ids.append(entry.entityID)
            befores.append(entry.before.map(CanonicalJSON.string))
            afters.append(entry.after.map(CanonicalJSON.string))
            prevs.append(Hex.encode(previous))
            hashes.append(Hex.encode(hash))
            previous = hash
        }
        try connection.query("""
            INSERT INTO audit_log (tenant_id, seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
            SELECT \(tenant), u.seq, u.at::timestamptz, u.actor, u.action, u.entity, u.entity_id, u.before::jsonb,
                   u.after::jsonb, decode(u.prev_hash, 'hex'), decode(u.hash, 'hex')
              FROM unnest(\(seqs), \(ats), \(actors), \(actions), \(entities), \(ids), \(befores), \(afters), \(prevs), \(hashes))
                   AS u(seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
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
