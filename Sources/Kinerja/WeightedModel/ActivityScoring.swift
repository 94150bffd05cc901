import Foundation

/// The PerKa BKN 1/2013 formulas for one SKP activity: kuantitas, kualitas, waktu and biaya.
public struct ActivityScoring: Sendable, Equatable {
    /// The rule set's formula settings (threshold and legal basis).
    public var formulas: RuleSet.Formulas
    /// How every score is rounded.
    public var rounding: RuleSet.ScoreRounding

    /// 1.76: the PerKa BKN 1/2013 coefficient; 176% of the target gives 76 at realisation = target.
    public static let efficiencyCoefficient = Decimal(string: "1.76") ?? 0

    /// Creates a scorer.
    public init(formulas: RuleSet.Formulas, rounding: RuleSet.ScoreRounding) {
        self.formulas = formulas
        self.rounding = rounding
    }

    /// Which branch of the time/cost formula applied.
    public enum EfficiencyBranch: String, Sendable, Codable {
        /// Efficiency at or below the threshold (on time, late, or slightly early).
        case normal
        /// Efficiency above the threshold (much earlier or cheaper than planned).
        case efficient
        /// The activity was not done (no output), so the aspect counts 0.
        case notDone
    }

    /// Scores one activity.
    public func score(_ activity: WeightedActivity) throws(WeightedModelError) -> Explained<ActivityScore> {
        try validate(activity)
        var explanation = Explanation()
        let name = activity.name
        let hundred = Decimal(100)
        let notDone = activity.quantity.realisation == 0

        // kuantitas = RO/TO × 100
        let kuantitas = rounding.apply(activity.quantity.realisation * hundred / activity.quantity.target)
        explanation.add("Kegiatan '\(name)': kuantitas = RO/TO × 100.",
                        [.init("RO", activity.quantity.realisation), .init("TO", activity.quantity.target),
                         .init("kuantitas", kuantitas)], basis: formulas.basis)

        // kualitas = RK/TK × 100
        let kualitas = rounding.apply(activity.quality.realisation * hundred / activity.quality.target)
        explanation.add("Kegiatan '\(name)': kualitas = RK/TK × 100.",
                        [.init("RK", activity.quality.realisation), .init("TK", activity.quality.target),
                         .init("kualitas", kualitas)], basis: formulas.basis)

        let waktu = efficiencyAspect("waktu", symbols: ("TW", "RW"), activity.time, notDone: notDone,
                                     activityName: name, into: &explanation)

        var biaya: Decimal?
        if let cost = activity.cost, cost.target > 0 {
            biaya = efficiencyAspect("biaya", symbols: ("TB", "RB"), cost, notDone: notDone,
                                     activityName: name, into: &explanation)
        } else {
            explanation.add("Kegiatan '\(name)': tanpa target biaya (TB = 0), aspek biaya tidak dihitung.",
                            basis: formulas.basis)
        }

        let aspects = [kuantitas, kualitas, waktu] + (biaya.map { [$0] } ?? [])
        let sum = aspects.reduce(0, +)
        let nilaiCapaian = rounding.apply(sum / Decimal(aspects.count))
        explanation.add("Kegiatan '\(name)': nilai capaian = jumlah aspek / \(aspects.count), dibulatkan "
                        + "\(rounding.scale) desimal (\(rounding.mode.indonesianName)).",
                        [.init("jumlah", sum), .init("pembagi", aspects.count), .init("nilaiCapaian", nilaiCapaian)],
                        basis: formulas.basis)
        return Explained(ActivityScore(name: name, kuantitas: kuantitas, kualitas: kualitas, waktu: waktu,
                                       biaya: biaya, nilaiCapaian: nilaiCapaian), explanation)
    }

    /// The time or cost score with the efficiency branches:
    /// e = 100 − R/T × 100; e ≤ threshold: (1.76·T − R)/T × 100; e > threshold: 76 − ((1.76·T − R)/T × 100 − 100).
    public func efficiencyScore(_ pair: TargetRealisation, notDone: Bool = false)
        -> (efficiency: Decimal, branch: EfficiencyBranch, score: Decimal) {
        let hundred = Decimal(100)
        let efficiency = hundred - pair.realisation * hundred / pair.target
        if notDone { return (efficiency, .notDone, 0) }
        let base = (Self.efficiencyCoefficient * pair.target - pair.realisation) * hundred / pair.target
        if efficiency <= formulas.efficiencyThreshold {
            return (efficiency, .normal, rounding.apply(base))
        }
        return (efficiency, .efficient, rounding.apply(Decimal(76) - (base - hundred)))
    }

    private func efficiencyAspect(_ aspect: String, symbols: (target: String, realisation: String),
                                  _ pair: TargetRealisation, notDone: Bool, activityName: String,
                                  into explanation: inout Explanation) -> Decimal {
        let (efficiency, branch, score) = efficiencyScore(pair, notDone: notDone)
        let t = symbols.target
        let r = symbols.realisation
        let figures: [ExplanationStep.Figure] = [
            .init(t, pair.target), .init(r, pair.realisation),
            .init("efisiensi", rounding.apply(efficiency)), .init(aspect, score),
        ]
        let text: String
        switch branch {
        case .notDone:
            text = "Kegiatan '\(activityName)': tidak dilaksanakan (RO = 0), maka \(aspect) = 0."
        case .normal:
            text = "Kegiatan '\(activityName)': efisiensi \(aspect) = 100 − \(r)/\(t) × 100 ≤ "
                + "\(formulas.efficiencyThreshold)%, maka \(aspect) = (1,76 × \(t) − \(r)) / \(t) × 100."
        case .efficient:
            text = "Kegiatan '\(activityName)': efisiensi \(aspect) = 100 − \(r)/\(t) × 100 > "
                + "\(formulas.efficiencyThreshold)%, maka \(aspect) = 76 − ((1,76 × \(t) − \(r)) / \(t) × 100 − 100)."
        }
        explanation.add(text, figures, basis: formulas.basis)
        return score
    }

    private func validate(_ activity: WeightedActivity) throws(WeightedModelError) {
        var pairs: [(String, TargetRealisation)] = [
            ("kuantitas", activity.quantity), ("kualitas", activity.quality), ("waktu", activity.time),
        ]
        if let cost = activity.cost, cost.target != 0 { pairs.append(("biaya", cost)) }
        for (aspect, pair) in pairs {
            guard pair.target > 0 else { throw .targetNotPositive(activity: activity.name, aspect: aspect) }
            guard pair.realisation >= 0 else { throw .negativeRealisation(activity: activity.name, aspect: aspect) }
        }
    }
}
