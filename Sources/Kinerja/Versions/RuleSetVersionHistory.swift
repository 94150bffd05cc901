import Foundation

/// Pure checks and selections over the versions of rule sets, for the persistence layer.
public enum RuleSetVersionHistory {
    /// The result of publishing a draft into an existing history.
    public struct Publication: Sendable, Equatable {
        /// The newly published version.
        public var published: RuleSetVersion
        /// The predecessor whose open-ended range was closed the day before, if any.
        public var closed: RuleSetVersion?
    }

    /// Every pair of published versions of the same tenant whose ranges overlap.
    public static func conflicts(in versions: [RuleSetVersion]) -> [ValidityConflict] {
        let published = versions
            .filter { $0.status == .published && $0.validFrom != nil }
            .sorted { ($0.tenant, $0.validFrom ?? CivilDate(daysSinceEpoch: 0), $0.number)
                < ($1.tenant, $1.validFrom ?? CivilDate(daysSinceEpoch: 0), $1.number) }
        var conflicts: [ValidityConflict] = []
        for (index, first) in published.enumerated() {
            for second in published[(index + 1)...] where second.tenant == first.tenant {
                guard let firstFrom = first.validFrom, let secondFrom = second.validFrom else { continue }
                // Sorted by start: they overlap when the second starts before the first ends.
                if let firstUntil = first.validUntil, secondFrom > firstUntil { continue }
                let until: CivilDate? = switch (first.validUntil, second.validUntil) {
                case (nil, nil): nil
                case (let a?, nil): a
                case (nil, let b?): b
                case (let a?, let b?): min(a, b)
                }
                conflicts.append(ValidityConflict(tenant: first.tenant, first: first.number, second: second.number,
                                                  overlapFrom: max(firstFrom, secondFrom), overlapUntil: until))
            }
        }
        return conflicts
    }

    /// Throws the first conflict, if any.
    public static func checkNoOverlap(_ versions: [RuleSetVersion]) throws(RuleSetVersionError) {
        if let conflict = conflicts(in: versions).first { throw .overlap(conflict) }
    }

    /// The version of `tenant` in force on `date`, if any.
    public static func inForce(on date: CivilDate, tenant: String, among versions: [RuleSetVersion]) -> RuleSetVersion? {
        versions.first { $0.tenant == tenant && $0.isInForce(on: date) }
    }

    /// Publishes `draft` from `validFrom` into `existing`: an open-ended predecessor that started earlier
    /// is closed the day before; any remaining overlap refuses the whole publication.
    public static func publish(_ draft: RuleSetVersion, validFrom: CivilDate, validUntil: CivilDate? = nil,
                               at instant: Date,
                               existing: [RuleSetVersion]) throws(RuleSetVersionError) -> Publication {
        let published = try draft.published(validFrom: validFrom, validUntil: validUntil, at: instant)
        var history = existing.filter { !($0.tenant == draft.tenant && $0.number == draft.number) }
        var closed: RuleSetVersion?
        if let index = history.firstIndex(where: {
            $0.tenant == draft.tenant && $0.status == .published && $0.validUntil == nil
                && ($0.validFrom.map { $0 < validFrom } ?? false)
        }) {
            let predecessor = try history[index].closing(through: validFrom.adding(days: -1))
            history[index] = predecessor
            closed = predecessor
        }
        try checkNoOverlap(history + [published])
        return Publication(published: published, closed: closed)
    }
}
