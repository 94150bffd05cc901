import Foundation
import Kinerja
import Postgres

// Rule sets decide every evaluation of a tenant, so each write to them goes into the tenant's
// hash-chained audit log (migration 0003) in the same transaction: who drafted, changed, published
// or closed which version, and when.
extension RuleSetStore {
    /// What the audit log keeps of a version: its state, and its rules where they changed.
    struct AuditRecord: Encodable {
        let version: Int
        let status: String
        let validFrom: String?
        let validUntil: String?
        let legalNote: String?
        let document: RuleSet?

        init(_ stored: StoredRuleSetVersion, withDocument: Bool) {
            version = stored.number
            status = stored.version.status.rawValue
            validFrom = stored.version.validFrom?.description
            validUntil = stored.version.validUntil?.description
            legalNote = stored.legalNote
            document = withDocument ? stored.ruleSet : nil
        }
    }

    /// Appends `action` on version `after` (entity `rule_set_version`, id = the version number).
    static func audit(_ action: String, before: StoredRuleSetVersion?, after: StoredRuleSetVersion, withDocument: Bool,
                      tenant: UUID, actor: AuditActor, at instant: Date, on connection: PostgresConnection) throws {
        let change = AuditChange(
            action: action, entity: "rule_set_version", entityID: String(after.number),
            before: try before.map { try AuditChange.json(AuditRecord($0, withDocument: withDocument)) },
            after: try AuditChange.json(AuditRecord(after, withDocument: withDocument)))
        try AuditLog.append(change, tenant: tenant, actor: actor, at: instant, on: connection)
    }
}
