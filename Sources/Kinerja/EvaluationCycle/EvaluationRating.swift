import Foundation

/// What the evaluator enters for one employee: the quadrant model's two ratings, or the weighted
/// model's scores; with notes and a recommendation either way.
public struct EvaluationRating: Sendable, Equatable, Codable {
    /// The quadrant model's ratings (PermenPANRB 6/2022 Lampiran).
    public struct Quadrant: Sendable, Equatable, Codable {
        /// Rating of results (hasil kerja).
        public var hasilKerja: Rating
        /// Rating of behaviour (perilaku kerja).
        public var perilakuKerja: Rating
        /// The employee leads the unit: the unit's achievement equals this results rating.
        public var leadsUnit: Bool

        /// Creates ratings.
        public init(hasilKerja: Rating, perilakuKerja: Rating, leadsUnit: Bool = false) {
            self.hasilKerja = hasilKerja
            self.perilakuKerja = perilakuKerja
            self.leadsUnit = leadsUnit
        }
    }

    /// Quadrant ratings, or nil.
    public var quadrant: Quadrant?
    /// Weighted-model scores, or nil.
    public var scores: WeightedModelInput?
    /// The evaluator's notes (catatan), at most 4,000 characters.
    public var notes: String?
    /// The evaluator's recommendation (rekomendasi), at most 4,000 characters.
    public var recommendation: String?

    /// Creates a rating.
    public init(quadrant: Quadrant? = nil, scores: WeightedModelInput? = nil, notes: String? = nil,
                recommendation: String? = nil) {
        self.quadrant = quadrant
        self.scores = scores
        self.notes = notes
        self.recommendation = recommendation
    }
}

/// The rules engine's answer for one rating: the predikat (quadrant) or category (weighted), the
/// weighted model's score, and the explanation to store.
public struct EvaluationOutcome: Sendable, Equatable, Codable {
    /// `evaluations.predikat`: a `Predikat` or a `WeightedCategory` raw value.
    public var predikat: String
    /// Nilai prestasi kerja (weighted model only).
    public var nilai: Decimal?
    /// The full weighted result (weighted model only).
    public var weighted: WeightedModelResult?
    /// The steps with their articles.
    public var explanation: Explanation

    /// Creates an outcome.
    public init(predikat: String, nilai: Decimal? = nil, weighted: WeightedModelResult? = nil, explanation: Explanation) {
        self.predikat = predikat
        self.nilai = nilai
        self.weighted = weighted
        self.explanation = explanation
    }
}

/// Turns a rating into an outcome under the period's rule set: the quadrant for the national
/// model, `WeightedModel` for the older numeric one. Pure.
public enum EvaluationRater {
    /// The outcome of `rating` under `ruleSet`; refuses a rating of the other model.
    public static func outcome(of rating: EvaluationRating, ruleSet: RuleSet) throws(EvaluationRefusal) -> EvaluationOutcome {
        let evaluation = ruleSet.evaluation
        switch evaluation.model {
        case .quadrant:
            guard let quadrant = rating.quadrant, rating.scores == nil else {
                throw .wrongModel(expected: .quadrant, basis: evaluation.basis)
            }
            let result = PredikatQuadrant.evaluate(hasilKerja: quadrant.hasilKerja, perilakuKerja: quadrant.perilakuKerja,
                                                   basis: evaluation.basis)
            var explanation = result.explanation
            if quadrant.leadsUnit {
                explanation.add("Pegawai memimpin unit: capaian unit sama dengan rating hasil kerjanya (\(quadrant.hasilKerja.label)).",
                                [.init("memimpinUnit", "ya")], basis: .permenPANRB6of2022(note: "pimpinan unit kerja"))
            }
            return EvaluationOutcome(predikat: result.value.rawValue, explanation: explanation)
        case .weighted:
            guard let scores = rating.scores, rating.quadrant == nil else {
                throw .wrongModel(expected: .weighted, basis: evaluation.basis)
            }
            do {
                let result = try WeightedModel.evaluate(scores, ruleSet: ruleSet)
                return EvaluationOutcome(predikat: result.value.kategori.rawValue, nilai: result.value.nilaiPrestasiKerja,
                                         weighted: result.value, explanation: result.explanation)
            } catch {
                throw .invalidScores(error, basis: error.basis(in: ruleSet))
            }
        }
    }
}
