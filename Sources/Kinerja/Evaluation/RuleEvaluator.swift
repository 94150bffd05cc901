/// Evaluates one `RuleCase` under a tenant's rule set: the pure core of `kinerja rules eval`.
public enum RuleEvaluator {
    /// The outcome of `ruleCase` under `ruleSet`, counting working days with `holidays`.
    public static func evaluate(_ ruleCase: RuleCase, ruleSet: RuleSet, holidays: HolidayCalendar) -> RuleOutcome {
        switch ruleCase {
        case .ratings(let hasil, let perilaku):
            guard ruleSet.evaluation.model == .quadrant else { return modelMismatch(ruleSet, needs: .quadrant) }
            return .predikat(PredikatQuadrant.evaluate(hasilKerja: hasil, perilakuKerja: perilaku,
                                                       basis: ruleSet.evaluation.basis))
        case .weighted(let input):
            guard ruleSet.evaluation.model == .weighted else { return modelMismatch(ruleSet, needs: .weighted) }
            do {
                return .weighted(try WeightedModel.evaluate(input, ruleSet: ruleSet))
            } catch {
                return .refused(.init(code: .invalidInput, message: error.message))
            }
        case .distribution(let capaian, let counts):
            guard let settings = ruleSet.evaluation.distribution else { return modelMismatch(ruleSet, needs: .quadrant) }
            return .distribution(DistributionCheck.check(capaian: capaian, counts: counts, settings: settings))
        case .deadline(let kind, let start):
            guard let window = window(kind, in: ruleSet) else {
                return .refused(.init(code: .windowNotSet,
                                      message: "Aturan tenant \(ruleSet.tenant) tidak menetapkan jangka waktu '\(kind.rawValue)'."))
            }
            let timeZone = ruleSet.resolvedTimeZone
            switch start {
            case .instant(let instant):
                return .deadline(DeadlineCalculator.deadline(receivedAt: instant, timeZone: timeZone, window: window,
                                                             holidays: holidays))
            case .date(let date):
                var result = DeadlineCalculator.deadline(from: date, window: window, holidays: holidays)
                result.value.dueInstant = result.value.due.endInstant(in: timeZone)
                result.value.timeZone = timeZone.identifier
                return .deadline(result)
            }
        case .coverage(let question):
            return .coverage(CoverageCheck.check(question, ruleSet: ruleSet))
        case .creditPoints(let predikat, let jenjang, let months):
            do {
                return .creditPoints(try CreditPoints.compute(predikat: predikat, jenjang: jenjang, months: months))
            } catch {
                return .refused(.init(code: .invalidInput, message: "Jumlah bulan harus 1–12."))
            }
        }
    }

    private static func window(_ kind: RuleCase.WindowKind, in ruleSet: RuleSet) -> DayWindow? {
        switch kind {
        case .objectionFiling: ruleSet.objection.filingWindow
        case .objectionDecision: ruleSet.objection.decisionWindow
        case .assessment: ruleSet.assessment?.window
        }
    }

    private static func modelMismatch(_ ruleSet: RuleSet, needs model: RuleSet.EvaluationModel) -> RuleOutcome {
        .refused(.init(code: .modelMismatch,
                       message: "Kasus ini memerlukan model penilaian '\(model.rawValue)', sedangkan tenant "
                           + "\(ruleSet.tenant) memakai '\(ruleSet.evaluation.model.rawValue)'."))
    }
}
