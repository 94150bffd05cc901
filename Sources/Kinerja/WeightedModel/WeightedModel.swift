import Foundation

/// The older numeric model (PP 46/2011, PerKa BKN 1/2013), as Perbup Pasuruan 117/2019 applies it:
/// nilai SKP and nilai perilaku combined by weights, then categorised.
public enum WeightedModel {
    /// Scores an employee's year under `ruleSet`, which must use the weighted model.
    ///
    /// Rounding is explicit and follows `$.evaluation.rounding`: every aspect, nilai capaian, nilai SKP,
    /// nilai perilaku and the final score are rounded; each later step uses the rounded values.
    public static func evaluate(_ input: WeightedModelInput, ruleSet: RuleSet)
        throws(WeightedModelError) -> Explained<WeightedModelResult> {
        let evaluation = ruleSet.evaluation
        guard evaluation.model == .weighted, let weights = evaluation.weights, let formulas = evaluation.formulas,
              let rounding = evaluation.rounding, let categories = evaluation.categories else {
            throw .notWeightedModel
        }
        guard !input.activities.isEmpty else { throw .noActivities }

        var explanation = Explanation()
        let scoring = ActivityScoring(formulas: formulas, rounding: rounding)
        var scores: [ActivityScore] = []
        for activity in input.activities {
            let scored = try scoring.score(activity)
            scores.append(scored.value)
            explanation.append(contentsOf: scored.explanation)
        }
        let capaianSum = scores.map(\.nilaiCapaian).reduce(0, +)
        let nilaiSKP = rounding.apply(capaianSum / Decimal(scores.count))
        explanation.add("Nilai SKP = rata-rata nilai capaian \(scores.count) kegiatan.",
                        [.init("jumlah", capaianSum), .init("kegiatan", scores.count), .init("nilaiSKP", nilaiSKP)],
                        basis: formulas.basis)

        let perilaku = try behaviourScore(input, behaviour: ruleSet.behaviour, rounding: rounding)
        explanation.append(contentsOf: perilaku.explanation)
        let nilaiPerilaku = perilaku.value
        let kategoriPerilaku = categories.category(of: nilaiPerilaku)
        let perilakuKurang = kategoriPerilaku >= categories.poorBehaviourAtOrBelow
        explanation.add("Kategori perilaku \(kategoriPerilaku.label)"
                        + (perilakuKurang ? ": perilaku kerja dinilai kurang." : "."),
                        [.init("nilaiPerilaku", nilaiPerilaku), .init("kategoriPerilaku", kategoriPerilaku.rawValue)],
                        basis: LegalBasis(regulation: "Perbup Pasuruan 117/2019", article: "Pasal 12 ayat (4)"))

        let hundred = Decimal(100)
        let unrounded = nilaiSKP * weights.skp / hundred + nilaiPerilaku * weights.perilaku / hundred
        let final = rounding.apply(unrounded)
        explanation.add("Nilai prestasi kerja = \(weights.skp)% × nilai SKP + \(weights.perilaku)% × nilai perilaku, "
                        + "dibulatkan \(rounding.scale) desimal (\(rounding.mode.indonesianName)).",
                        [.init("nilaiSKP", nilaiSKP), .init("nilaiPerilaku", nilaiPerilaku),
                         .init("sebelumPembulatan", unrounded), .init("nilaiPrestasiKerja", final)],
                        basis: weights.basis)

        let kategori = categories.category(of: final)
        let bound = categories.bounds.first { $0.category == kategori }?.min ?? 0
        explanation.add("Kategori \(kategori.label): nilai \(final) ≥ batas bawah \(bound).",
                        [.init("kategori", kategori.rawValue)], basis: categories.basis)
        return Explained(WeightedModelResult(activities: scores, nilaiSKP: nilaiSKP, nilaiPerilaku: nilaiPerilaku,
                                             kategoriPerilaku: kategoriPerilaku, perilakuKurang: perilakuKurang,
                                             nilaiPrestasiKerja: final, kategori: kategori), explanation)
    }

    /// Nilai perilaku: the mean of the applicable elements (kepemimpinan only for posts rated on it).
    public static func behaviourScore(_ input: WeightedModelInput, behaviour: RuleSet.Behaviour,
                                      rounding: RuleSet.ScoreRounding) throws(WeightedModelError) -> Explained<Decimal> {
        let scores = input.perilaku
        var elements: [(String, Decimal)] = [
            ("orientasiPelayanan", scores.orientasiPelayanan), ("komitmen", scores.komitmen),
            ("inisiatifKerja", scores.inisiatifKerja), ("kerjasama", scores.kerjasama),
        ]
        // Perbup Pasuruan 117/2019 Pasal 12 ayat (3): kepemimpinan for JPT, Administrator, Pengawas and
        // functional posts whose activities need leadership.
        let leads = (behaviour.leadershipJobKinds ?? []).contains(input.jobKind)
            || (input.jobKind == .fungsional && input.fungsionalNeedsLeadership
                && behaviour.leadershipForFungsionalWhenRequired == true)
        switch (leads, scores.kepemimpinan) {
        case (true, let value?): elements.append(("kepemimpinan", value))
        case (true, nil): throw .missingKepemimpinan
        case (false, .some): throw .kepemimpinanNotApplicable(jobKind: input.jobKind)
        case (false, nil): break
        }
        for (element, value) in elements where value < 0 || value > 100 {
            throw .behaviourScoreOutOfRange(element: element)
        }
        let sum = elements.map(\.1).reduce(0, +)
        let mean = rounding.apply(sum / Decimal(elements.count))
        var explanation = Explanation()
        explanation.add("Nilai perilaku = rata-rata \(elements.count) unsur"
                        + (leads ? " (termasuk kepemimpinan)." : " (tanpa kepemimpinan)."),
                        elements.map { .init($0.0, $0.1) } + [.init("nilaiPerilaku", mean)], basis: behaviour.basis)
        return Explained(mean, explanation)
    }
}
