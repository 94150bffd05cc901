/// Why an evaluation step is refused: a stable `code`, the reason in Bahasa Indonesia, and — where
/// a rule refuses — the rule's name and the article behind it. The API turns each into
/// problem+json in one place (`EvaluationRefusal+Problem.swift`).
public enum EvaluationRefusal: Error, Sendable, Equatable {
    /// The period asked for does not fit the year or the tenant's cadence.
    case invalidSpan(String, basis: LegalBasis?)
    /// Only the evaluator of the evaluation (pejabat penilai) rates it.
    case notEvaluator
    /// Only the evaluated employee submits the period's results.
    case notEmployee
    /// The employee is not obliged in this period (coverage), so there is nothing to rate or submit.
    case excluded(reasons: [CoverageDecision.Reason])
    /// The evaluation is final: it changes only through an objection decision.
    case final
    /// The step needs a final evaluation (e.g. recording the document's receipt).
    case notFinal
    /// The rating does not fit the period's model (ratings for the quadrant, scores for the weighted model).
    case wrongModel(expected: RuleSet.EvaluationModel, basis: LegalBasis)
    /// The weighted model cannot score the input.
    case invalidScores(WeightedModelError, basis: LegalBasis)
    /// The results were already submitted, or the evaluation was already rated.
    case alreadySubmitted
    /// The group has already been finalised.
    case groupFinalised
    /// The weighted model has no organisation achievement to set.
    case capaianNotApplicable(basis: LegalBasis)
    /// The quadrant model needs the organisation's achievement before finalising.
    case capaianRequired
    /// Obliged evaluations of the group are not rated yet: how many, and the first few names.
    case unrated(count: Int, names: [String])
    /// The distribution check blocks finalising.
    case distribution(DistributionCheck.Result, basis: LegalBasis)

    /// A stable machine-readable code.
    public var code: String {
        switch self {
        case .invalidSpan: "evaluation-period-invalid"
        case .notEvaluator: "evaluation-not-evaluator"
        case .notEmployee: "evaluation-not-employee"
        case .excluded: "evaluation-employee-excluded"
        case .final: "evaluation-final"
        case .notFinal: "evaluation-not-final"
        case .wrongModel: "evaluation-wrong-model"
        case .invalidScores: "evaluation-invalid-scores"
        case .alreadySubmitted: "evaluation-already-submitted"
        case .groupFinalised: "evaluation-group-finalised"
        case .capaianNotApplicable: "evaluation-capaian-not-applicable"
        case .capaianRequired: "evaluation-capaian-required"
        case .unrated: "evaluation-unrated"
        case .distribution: "evaluation-distribution-violated"
        }
    }

    /// The rule that refuses, in words.
    public var rule: String {
        switch self {
        case .invalidSpan: "Periode evaluasi mengikuti siklus evaluasi periodik tenant"
        case .notEvaluator: "Penilaian kinerja dilakukan oleh pejabat penilai kinerja"
        case .notEmployee: "Hasil kerja periode disampaikan oleh pegawai yang dinilai"
        case .excluded: "Pegawai yang dikecualikan tidak wajib dinilai"
        case .final: "Hasil evaluasi yang telah ditetapkan hanya berubah melalui keputusan keberatan"
        case .notFinal: "Dokumen evaluasi diterima setelah evaluasi ditetapkan"
        case .wrongModel(let expected, _): "Model penilaian tenant: \(expected == .quadrant ? "kuadran predikat" : "nilai berbobot")"
        case .invalidScores: "Perhitungan nilai prestasi kerja"
        case .alreadySubmitted: "Hasil kerja periode disampaikan satu kali"
        case .groupFinalised: "Evaluasi kelompok yang telah ditetapkan tidak dapat diubah"
        case .capaianNotApplicable: "Model nilai berbobot tidak memakai capaian kinerja organisasi"
        case .capaianRequired: "Capaian kinerja organisasi ditetapkan sebelum predikat pegawai"
        case .unrated: "Semua pegawai wajib dinilai sebelum evaluasi ditetapkan"
        case .distribution: "Distribusi predikat kinerja pegawai sesuai capaian kinerja organisasi"
        }
    }

    /// The article behind the rule.
    public var basis: LegalBasis? {
        switch self {
        case .invalidSpan(_, let basis): basis
        case .notEvaluator: .permenPANRB6of2022(note: "pejabat penilai kinerja menilai pegawai")
        case .notEmployee, .alreadySubmitted: .permenPANRB6of2022(note: "pegawai mendokumentasikan realisasi hasil kerja")
        case .excluded(let reasons): reasons.first?.basis
        case .final: LegalBasis(regulation: "PP 30/2019", article: "Pasal 59", note: "perubahan hasil hanya melalui keberatan")
        case .wrongModel(_, let basis), .invalidScores(_, let basis), .capaianNotApplicable(let basis): basis
        case .groupFinalised, .notFinal: .permenPANRB6of2022(note: "penetapan hasil evaluasi kinerja")
        case .capaianRequired, .unrated: .seMenPANRB3of2023
        case .distribution(_, let basis): basis
        }
    }

    /// The refusal in Bahasa Indonesia, with the figures that matter.
    public var message: String {
        switch self {
        case .invalidSpan(let text, _): text
        case .notEvaluator: "Hanya pejabat penilai kinerja pegawai ini yang dapat memberi penilaian."
        case .notEmployee: "Hanya pegawai yang dinilai yang dapat menyampaikan hasil kerja periode ini."
        case .excluded(let reasons):
            "Pegawai ini dikecualikan pada periode ini: " + reasons.map(\.message).joined(separator: " ")
        case .final: "Evaluasi ini telah ditetapkan (final) dan hanya dapat berubah melalui keputusan keberatan."
        case .wrongModel(let expected, _):
            expected == .quadrant
                ? "Periode ini memakai model kuadran: kirim rating hasil kerja dan perilaku kerja, bukan nilai."
                : "Periode ini memakai model nilai berbobot: kirim nilai kegiatan dan perilaku, bukan rating."
        case .invalidScores(let error, _): error.message
        case .notFinal: "Evaluasi ini belum ditetapkan."
        case .alreadySubmitted: "Hasil kerja periode ini sudah disampaikan atau sudah dinilai."
        case .groupFinalised: "Evaluasi kelompok ini sudah ditetapkan."
        case .capaianNotApplicable: "Model nilai berbobot tidak menetapkan capaian kinerja organisasi."
        case .capaianRequired: "Capaian kinerja organisasi kelompok ini belum ditetapkan."
        case .unrated(let count, let names):
            "\(count) pegawai wajib belum dinilai: " + names.joined(separator: ", ") + (count > names.count ? ", …" : "") + "."
        case .distribution(let result, _):
            "Distribusi predikat tidak sesuai capaian kinerja organisasi \(result.capaian.label): "
                + result.violations.map(\.message).joined(separator: " ")
        }
    }
}
