import Foundation
import Kinerja
import Persistence
import Synchronization

/// The tenants' published rule sets, parsed once per worker process. A published version never
/// changes (architecture.md, "Rules are data, versioned per tenant"; migration 0006's trigger
/// refuses it), so a version read once stays right: a notification job names the number in force
/// and finds the rules here instead of reading and parsing the document again.
final class PublishedRuleSets: Sendable {
    private let store: RuleSetStore
    private let parsed = Mutex<[Key: RuleSet]>([:])

    private struct Key: Hashable {
        let tenant: UUID
        let number: Int
    }

    /// A cache over `store`.
    init(store: RuleSetStore) { self.store = store }

    /// Version `number` of `tenant` when it is published, else nil (a draft is never kept).
    func ruleSet(tenant: UUID, number: Int) throws -> RuleSet? {
        let key = Key(tenant: tenant, number: number)
        if let known = parsed.withLock({ $0[key] }) { return known }
        guard let stored = try store.version(tenant: tenant, number: number), stored.version.status == .published else {
            return nil
        }
        parsed.withLock { $0[key] = stored.ruleSet }
        return stored.ruleSet
    }
}
