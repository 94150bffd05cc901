import Foundation
import Kinerja
import Postgres

/// Publishes each of the four seeded rule sets (`SeededRuleSets`) for its tenant, in force from the
/// date its regulation took effect.
///
/// Idempotent: a tenant that already has this rule set published is left as it is, and so is a
/// tenant whose admins have published rule sets of their own (the seed never competes with them).
/// Each tenant is seeded in one transaction under the tenant's rule-set lock, so concurrent seeders
/// publish once.
public struct RuleSetSeed: SeedStep {
    /// When a seeded rule set comes into force, and why that day.
    public struct Effective: Sendable {
        /// The first day in force.
        public var validFrom: CivilDate
        /// The legal note stored with the version.
        public var note: String
    }

    /// The seeded tenants' effective dates. Where the regulation's own date of effect is not on
    /// record, the rule set starts on 1 January of the first whole performance year it governs,
    /// because SKP and evaluations run by calendar year (PermenPANRB 6/2022).
    public static let effectiveDates: [String: Effective] = [
        // domain.md: Perbup Karawang 28/2024 is in force from 7 August 2024. Earlier 2024 dates have no
        // Karawang rule set in force; an admin may publish a closed predecessor for them.
        "karawang": Effective(validFrom: day(2024, 8, 7),
                              note: "Perbup Karawang 28/2024, berlaku sejak 7 Agustus 2024"),
        "tanah-laut": Effective(validFrom: day(2024, 1, 1),
                                note: "Perbup Tanah Laut 2024 tentang Pengelolaan Kinerja; berlaku untuk tahun kinerja 2024 dan seterusnya"),
        "pasuruan": Effective(validFrom: day(2020, 1, 1),
                              note: "Perbup Pasuruan 117/2019; berlaku untuk tahun kinerja 2020 dan seterusnya"),
        "demak": Effective(validFrom: day(2023, 1, 1),
                           note: "PermenPANRB 6/2022 dan SE MenPANRB 3/2023 (e-Kinerja BKN); berlaku untuk tahun kinerja 2023 dan seterusnya"),
    ]

    /// Who the seed acts as, in `created_by`, `published_by` and the audit log.
    public static let actor = AuditActor.system("kinerja-seed")

    /// A step seeding every tenant in `SeededRuleSets.slugs`.
    public init() {}

    /// `rule-sets`.
    public var name: String { "rule-sets" }

    /// Seeds each tenant that exists and is active; reports what it published.
    public func run(pool: PostgresPool, at instant: Date) throws -> [String] {
        let tenants = TenantStore(pool: pool)
        var report: [String] = []
        for slug in SeededRuleSets.slugs {
            guard let effective = Self.effectiveDates[slug] else { continue }
            guard let tenant = try tenants.activeTenant(slug: slug) else {
                report.append("rule set \(slug): no active tenant, skipped")
                continue
            }
            let ruleSet = try SeededRuleSets.ruleSet(for: slug)
            let published = try pool.transaction(tenant: tenant.id) { connection -> Int? in
                try RuleSetStore.lock(tenant.id, on: connection)
                let history = try RuleSetStore.loadAll(tenant.id, on: connection)
                guard !history.contains(where: { $0.version.status == .published }) else { return nil }
                let draft = try RuleSetStore.insertDraft(ruleSet, tenant: tenant, legalNote: effective.note,
                                                         by: Self.actor, at: instant, on: connection)
                return try RuleSetStore.publish(draft.number, tenant: tenant, validFrom: effective.validFrom,
                                                validUntil: nil, by: Self.actor, at: instant,
                                                on: connection).published.number
            }
            if let published {
                report.append("rule set \(slug): published version \(published) from \(effective.validFrom)")
            }
        }
        return report
    }

    private static func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate {
        CivilDate(year: year, month: month, day: day) ?? CivilDate(daysSinceEpoch: 0)
    }
}
