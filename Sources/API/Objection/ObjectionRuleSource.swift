import Foundation
import HTTP
import Kinerja
import Persistence

/// The rules an objection is judged under, from the rule-set and holiday stores (migration 0006).
///
/// The windows are those of the rule set in force on the day the document was received (in the
/// tenant's time zone): that day starts the count. A changed result is recomputed under the rule
/// set the period was opened with (`evaluation_periods.rule_set_version`), like the result itself.
struct ObjectionRuleSource {
    let ruleSets: RuleSetStore
    let holidays: HolidayStore

    /// The objection section in force when `evaluation`'s window started, with the tenant's holidays
    /// of that year and the next (a window may run past New Year).
    func windows(tenant: UUID, for evaluation: ObjectedEvaluation, now: Date) throws -> (RuleSet.Objection, HolidayCalendar) {
        let start = evaluation.windowStart ?? now
        let day = CivilDate(instant: start, in: evaluation.zone)
        return (try inForce(tenant: tenant, on: day).objection, try holidays.calendar(tenant: tenant, years: day.year...day.year + 1))
    }

    /// The article of the objection procedure (who decides, the hearing, finality) for a document
    /// received at `receivedAt`.
    func procedure(tenant: UUID, receivedAt: Date, timeZone: String) throws -> LegalBasis {
        let day = CivilDate(instant: receivedAt, in: RuleSet.resolveTimeZone(timeZone))
        return ObjectionWindows.procedureBasis(try inForce(tenant: tenant, on: day).objection)
    }

    /// The rule set `evaluation`'s period is judged under; the one in force when its window started
    /// if that version is gone.
    func periodRuleSet(tenant: UUID, for evaluation: ObjectedEvaluation, now: Date) throws -> RuleSet {
        if let number = evaluation.ruleSetNumber, let stored = try ruleSets.version(tenant: tenant, number: number) {
            return stored.ruleSet
        }
        let day = CivilDate(instant: evaluation.windowStart ?? now, in: evaluation.zone)
        return try inForce(tenant: tenant, on: day)
    }

    private func inForce(tenant: UUID, on day: CivilDate) throws -> RuleSet {
        guard let stored = try ruleSets.inForce(tenant: tenant, on: day) else {
            throw Problem(slug: "rule-set-not-in-force", title: "Aturan kinerja belum berlaku", status: .conflict,
                          detail: "Belum ada aturan kinerja yang berlaku untuk kabupaten ini pada \(day); hubungi admin pusat.")
        }
        return stored.ruleSet
    }
}
