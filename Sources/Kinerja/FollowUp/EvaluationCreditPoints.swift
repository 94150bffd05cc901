/// Credit points (angka kredit) earned by a functional official from one final evaluation
/// (PermenPANRB 1/2023): the annual evaluation counts 12 months, a periodic one the months it covers.
public enum EvaluationCreditPoints {
    /// Why no credit points follow from an evaluation.
    public enum Refusal: String, Error, Sendable, Equatable, Codable {
        /// Not a functional post with a jenjang at the period's end.
        case notFungsional = "not-fungsional"
        /// Not final.
        case notFinal = "not-final"
        /// The predikat is the weighted model's (Cukup, Buruk): the conversion knows only the
        /// quadrant's five predikat.
        case notQuadrant = "not-quadrant-predikat"

        /// The reason in Bahasa Indonesia, with the article.
        public var message: String {
            switch self {
            case .notFungsional: "Angka kredit hanya untuk pejabat fungsional dengan jenjang (PermenPANRB 1/2023)."
            case .notFinal: "Angka kredit dihitung dari hasil evaluasi yang telah final (PermenPANRB 1/2023)."
            case .notQuadrant: "Konversi angka kredit memakai predikat kinerja PermenPANRB 6/2022; predikat model lama "
                + "tidak dapat dikonversi (PermenPANRB 1/2023)."
            }
        }
    }

    /// The months a period covers, counting each calendar month it touches, at most 12.
    public static func months(from start: CivilDate, to end: CivilDate) -> Int {
        max(1, min(12, (end.year * 12 + end.month) - (start.year * 12 + start.month) + 1))
    }

    /// The credit points with their explanation, or why there are none.
    public static func compute(status: String, predikat: ResultPredikat?, jenjang: JenjangFungsional?,
                               periodStart: CivilDate, periodEnd: CivilDate) -> Result<Explained<CreditPoints.Result>, Refusal> {
        guard let jenjang else { return .failure(.notFungsional) }
        guard status == "final", let predikat else { return .failure(.notFinal) }
        guard let quadrant = predikat.quadrant else { return .failure(.notQuadrant) }
        // months(from:to:) is always 1...12, the only case `compute` refuses.
        guard let points = try? CreditPoints.compute(predikat: quadrant, jenjang: jenjang,
                                                     months: months(from: periodStart, to: periodEnd)) else {
            return .failure(.notFinal)
        }
        return .success(points)
    }
}
