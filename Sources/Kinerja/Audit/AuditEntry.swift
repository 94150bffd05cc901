import Foundation

/// One entry of a tenant's audit log: who did what to which record, when, with the record before
/// and after (architecture.md, "Audit"). Its hash chains it to the previous entry.
public struct AuditEntry: Sendable, Equatable {
    /// The tenant whose chain it belongs to.
    public var tenantID: UUID
    /// Position in the tenant's chain, from 1.
    public var seq: Int64
    /// When, to the microsecond (what PostgreSQL keeps).
    public var at: Date
    /// Who: `user:<uuid>` or `system:<program>`.
    public var actor: String
    /// What: `create`, `update`, `end`, ...
    public var action: String
    /// The kind of record, e.g. `employee`.
    public var entity: String
    /// The record's id (or natural key).
    public var entityID: String
    /// The record before; nil for a creation.
    public var before: JSONValue?
    /// The record after; nil for a deletion.
    public var after: JSONValue?

    /// Creates an entry; `at` is truncated to whole microseconds so that it survives storage.
    public init(tenantID: UUID, seq: Int64, at: Date, actor: String, action: String, entity: String, entityID: String,
                before: JSONValue?, after: JSONValue?) {
        self.tenantID = tenantID
        self.seq = seq
        self.at = Date(timeIntervalSince1970: Double(Self.microseconds(at)) / 1_000_000)
        self.actor = actor
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }

    /// The entry as the JSON object that is hashed: keys `action`, `actor`, `after`, `at`
    /// (RFC 3339 UTC with six fraction digits), `before`, `entity`, `entityId`, `seq`, `tenant`
    /// (lower-case UUID); an absent before/after is `null`.
    public var json: JSONValue {
        .object([
            "action": .string(action),
            "actor": .string(actor),
            "after": after ?? .null,
            "at": .string(Self.timestamp(at)),
            "before": before ?? .null,
            "entity": .string(entity),
            "entityId": .string(entityID),
            "seq": .number(Decimal(seq)),
            "tenant": .string(tenantID.uuidString.lowercased()),
        ])
    }

    /// The bytes the chain hashes: `previousHash || canonical_json(entry)`; the entry's hash is
    /// SHA-256 of them (computed by the caller with libcrypto: the domain does no I/O and links
    /// no C library).
    public func chainInput(previous: [UInt8]) -> [UInt8] {
        var bytes = previous
        CanonicalJSON.append(json, to: &bytes)
        return bytes
    }

    /// The canonical JSON of the entry split around its `seq`, for the database to number the
    /// entry and hash it under the tenant's chain lock (migration 0019's `audit_append`):
    /// `canonical_json(entry) == prefix + String(seq) + suffix` whatever `seq` is, because `seq`
    /// and `tenant` sort after every other key, so the number is followed only by the tenant.
    public var canonicalJSONAroundSeq: (prefix: String, suffix: String) {
        guard case .object(var members) = json else { preconditionFailure("an entry is an object") }
        members["seq"] = nil
        members["tenant"] = nil
        var prefix = CanonicalJSON.bytes(.object(members))
        prefix.removeLast()  // the closing brace
        prefix += #","seq":"#.utf8
        var suffix = Array(#","tenant":"#.utf8)
        CanonicalJSON.append(.string(tenantID.uuidString.lowercased()), to: &suffix)
        suffix.append(UInt8(ascii: "}"))
        return (String(decoding: prefix, as: UTF8.self), String(decoding: suffix, as: UTF8.self))
    }

    /// The hash before the first entry: 32 zero bytes.
    public static let genesisHash = [UInt8](repeating: 0, count: 32)

    /// Whole microseconds since 1970.
    public static func microseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
    }

    /// `YYYY-MM-DDTHH:MM:SS.ffffffZ` in UTC.
    public static func timestamp(_ date: Date) -> String {
        let micros = microseconds(date)
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var second = seconds % 86_400
        if second < 0 { second += 86_400; days -= 1 }
        let day = CivilDate(daysSinceEpoch: Int(days))
        return day.description + "T" + String(format: "%02d:%02d:%02d.%06dZ", Int(second / 3600), Int(second / 60 % 60),
                                                      Int(second % 60), Int(fraction))
    }
}
