/// Why the weighted model cannot score an input.
public enum WeightedModelError: Error, Sendable, Equatable {
    /// The rule set does not use the weighted model.
    case notWeightedModel
    /// The SKP has no activity.
    case noActivities
    /// A target is zero or negative, so no ratio exists.
    case targetNotPositive(activity: String, aspect: String)
    /// A realisation is negative.
    case negativeRealisation(activity: String, aspect: String)
    /// A behaviour score lies outside 0–100.
    case behaviourScoreOutOfRange(element: String)
    /// The post is rated on kepemimpinan but no score was given.
    case missingKepemimpinan
    /// A kepemimpinan score was given for a post that is not rated on it.
    case kepemimpinanNotApplicable(jobKind: JobKind)
}

extension WeightedModelError {
    /// The error in Bahasa Indonesia.
    public var message: String {
        switch self {
        case .notWeightedModel: "Aturan tenant tidak memakai model penilaian berbobot."
        case .noActivities: "SKP tidak memuat kegiatan."
        case .targetNotPositive(let activity, let aspect): "Target \(aspect) kegiatan '\(activity)' harus lebih dari 0."
        case .negativeRealisation(let activity, let aspect): "Realisasi \(aspect) kegiatan '\(activity)' tidak boleh negatif."
        case .behaviourScoreOutOfRange(let element): "Nilai unsur perilaku \(element) harus 0–100."
        case .missingKepemimpinan: "Jabatan ini dinilai unsur kepemimpinan, tetapi nilainya tidak diisi."
        case .kepemimpinanNotApplicable(let jobKind): "Jabatan \(jobKind.rawValue) tidak dinilai unsur kepemimpinan."
        }
    }
}

extension WeightedModelError {
    /// The rule the input broke under `ruleSet`: behaviour scores answer to the behaviour rule
    /// (Perbup Pasuruan 117/2019 Pasal 12 ayat (2) dan ayat (3): which elements, kepemimpinan for
    /// whom), everything else to the model's weights (Pasal 13 ayat (2)).
    public func basis(in ruleSet: RuleSet) -> LegalBasis {
        switch self {
        case .behaviourScoreOutOfRange, .missingKepemimpinan, .kepemimpinanNotApplicable:
            ruleSet.behaviour.basis
        case .notWeightedModel, .noActivities, .targetNotPositive, .negativeRealisation:
            ruleSet.evaluation.weights?.basis ?? ruleSet.evaluation.basis
        }
    }
}
