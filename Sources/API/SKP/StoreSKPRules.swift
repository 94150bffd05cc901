import Foundation
import HTTP
import Kinerja
import Persistence

/// The tenant's rule set in force, from the rule-set store (migration 0006).
struct StoreSKPRules: SKPRuleSource {
    let ruleSets: RuleSetStore

    func ruleSet(tenant: UUID, on date: CivilDate) throws -> (ruleSet: RuleSet, version: String) {
        guard let stored = try ruleSets.inForce(tenant: tenant, on: date) else {
            throw Problem(slug: "rule-set-not-in-force", title: "Aturan kinerja belum berlaku", status: .conflict,
                          detail: "Belum ada aturan kinerja yang berlaku untuk kabupaten ini pada \(date); hubungi admin pusat.")
        }
        return (stored.version.ruleSet, stored.version.reference)
    }
}
