/// Who may receive a recorded reward (penghargaan) for an evaluation: a final result with the
/// predikat Sangat Baik (Perbup Tanah Laut 2024 Pasal 30 ayat (1): priority for the
/// succession-planning group and for competence development, as a follow-up of the result).
/// The rule-set format has no setting for this; it is the national reading and should become one.
public enum RewardRule {
    /// The article cited by every refusal.
    public static let basis = LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 30 ayat (1)",
                                         note: "penghargaan bagi predikat Sangat Baik; PermenPANRB 6/2022")

    /// Why a reward cannot be recorded.
    public enum Refusal: Sendable, Equatable {
        /// The evaluation is not final yet (or excluded).
        case notFinal(status: String)
        /// The predikat is not Sangat Baik.
        case predikat(ResultPredikat?)

        /// A stable code.
        public var code: String {
            switch self {
            case .notFinal: "reward-evaluation-not-final"
            case .predikat: "reward-predikat-not-eligible"
            }
        }

        /// The refusal in Bahasa Indonesia, naming the rule and the article.
        public var message: String {
            switch self {
            case .notFinal(let status):
                "Penghargaan hanya dicatat untuk hasil evaluasi yang telah final (status sekarang '\(status)'). (\(basis))"
            case .predikat(let predikat):
                "Penghargaan hanya untuk predikat Sangat Baik; predikat evaluasi ini \(predikat?.label ?? "tidak ada"). (\(basis))"
            }
        }
    }

    /// Nil when a reward may be recorded for an evaluation in `status` with `predikat`.
    public static func check(status: String, predikat: ResultPredikat?) -> Refusal? {
        guard status == "final" else { return .notFinal(status: status) }
        guard predikat == .sangatBaik else { return .predikat(predikat) }
        return nil
    }
}
