import Foundation

/// The two deadlines of an objection (keberatan), from the rule set's `$.objection` section.
///
/// - Filing: PP 30/2019 Pasal 59 ("14 hari" from receiving the result) or the tenant's rule
///   (Perbup Tanah Laut 2024 Pasal 35 huruf a: 14 working days from receiving the evaluation
///   document). Counted from the recorded receipt of the document; when no receipt was recorded,
///   from the finalisation of the evaluation: the result is issued to the employee then, and it is
///   the earliest day the employee can have received it, so counting from it never admits a filing
///   the rule would refuse (a later receipt can only move the deadline later).
/// - Decision: counted from the filing, which is when the evaluator's superior receives the
///   objection (Pasal 35 huruf e: "sejak pengajuan keberatan diterima"); none when the rule sets none.
///
/// Both follow the deadline convention (domain.md, "Objections"): the day of receipt is not counted
/// and the deadline is 23:59 tenant time of the Nth counted day (`DeadlineCalculator`).
public enum ObjectionWindows {
    /// The filing deadline for a document received at `receivedAt`, in the tenant's `timeZone`.
    public static func filing(receivedAt: Date, timeZone: TimeZone, rules: RuleSet.Objection,
                              holidays: HolidayCalendar) -> Explained<Deadline> {
        DeadlineCalculator.deadline(receivedAt: receivedAt, timeZone: timeZone, window: rules.filingWindow, holidays: holidays)
    }

    /// The decision deadline for an objection filed at `filedAt`; nil when the rule sets no window.
    public static func decision(filedAt: Date, timeZone: TimeZone, rules: RuleSet.Objection,
                                holidays: HolidayCalendar) -> Explained<Deadline>? {
        rules.decisionWindow.map {
            DeadlineCalculator.deadline(receivedAt: filedAt, timeZone: timeZone, window: $0, holidays: holidays)
        }
    }

    /// Both deadlines for a filing at `filedAt`, and whether it is late (after the end of the
    /// filing deadline's last day).
    public static func timeline(receivedAt: Date, filedAt: Date, timeZone: TimeZone, rules: RuleSet.Objection,
                                holidays: HolidayCalendar) -> ObjectionTimeline {
        let filing = filing(receivedAt: receivedAt, timeZone: timeZone, rules: rules, holidays: holidays)
        let due = filing.value.dueInstant ?? filing.value.due.endInstant(in: timeZone)
        return ObjectionTimeline(receivedAt: receivedAt, filedAt: filedAt, filing: filing,
                                 decision: decision(filedAt: filedAt, timeZone: timeZone, rules: rules, holidays: holidays),
                                 isLate: filedAt > due, filingBasis: rules.filingWindow.basis)
    }

    /// The article that governs the objection procedure as a whole (who decides, the hearing,
    /// finality): the filing rule's article without its letter, e.g. "Perbup Tanah Laut 2024
    /// Pasal 35" from "Pasal 35 huruf a", or "PP 30/2019 Pasal 59".
    public static func procedureBasis(_ rules: RuleSet.Objection) -> LegalBasis {
        let basis = rules.filingWindow.basis
        let article = basis.article.map { text in
            text.range(of: " huruf ").map { String(text[..<$0.lowerBound]) }
                ?? text.range(of: " ayat ").map { String(text[..<$0.lowerBound]) } ?? text
        }
        return LegalBasis(regulation: basis.regulation, article: article)
    }
}
