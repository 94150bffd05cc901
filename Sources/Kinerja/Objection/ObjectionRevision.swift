import Foundation

/// The new result of an objection decision that changes the evaluation: computed by the same rules
/// engine as the evaluation itself, so the changed predikat carries its own explanation.
///
/// PP 30/2019 Pasal 59 and Perbup Tanah Laut 2024 Pasal 35 huruf d: the superior "menguatkan atau
/// mengubah" the result; a change must therefore change something.
public enum ObjectionRevision {
    /// Quadrant model: new ratings → predikat (PermenPANRB 6/2022), refused when both ratings equal
    /// the ones objected to.
    public static func quadrant(hasilKerja: Rating, perilakuKerja: Rating, previous: ObjectionResult, ruleSet: RuleSet,
                                procedure: LegalBasis, objection: UUID) throws(ObjectionRefusal) -> Explained<ObjectionResult> {
        guard previous.hasilKerjaRating != hasilKerja || previous.perilakuKerjaRating != perilakuKerja else {
            throw .resultUnchanged(basis: procedure)
        }
        let evaluated = PredikatQuadrant.evaluate(hasilKerja: hasilKerja, perilakuKerja: perilakuKerja,
                                                  basis: ruleSet.evaluation.basis)
        var explanation = header(objection: objection, previous: previous, procedure: procedure)
        explanation.append(contentsOf: evaluated.explanation)
        return Explained(ObjectionResult(predikat: evaluated.value.rawValue, hasilKerjaRating: hasilKerja,
                                         perilakuKerjaRating: perilakuKerja), explanation)
    }

    /// Weighted model: new scores → nilai and category (`WeightedModel.evaluate`), refused when
    /// neither the nilai nor the category changes.
    public static func weighted(_ input: WeightedModelInput, previous: ObjectionResult, ruleSet: RuleSet,
                                procedure: LegalBasis, objection: UUID) throws -> Explained<ObjectionResult> {
        let evaluated = try WeightedModel.evaluate(input, ruleSet: ruleSet)
        let result = ObjectionResult(predikat: evaluated.value.kategori.rawValue, scores: input,
                                     nilai: evaluated.value.nilaiPrestasiKerja)
        guard result.nilai != previous.nilai || result.predikat != previous.predikat else {
            throw ObjectionRefusal.resultUnchanged(basis: procedure)
        }
        var explanation = header(objection: objection, previous: previous, procedure: procedure)
        explanation.append(contentsOf: evaluated.explanation)
        return Explained(result, explanation)
    }

    private static func header(objection: UUID, previous: ObjectionResult, procedure: LegalBasis) -> Explanation {
        var explanation = Explanation()
        explanation.add("Hasil evaluasi diubah oleh keputusan atasan pejabat penilai atas keberatan "
                        + "\(objection.uuidString.lowercased()); predikat semula \(previous.predikat).",
                        [.init("keberatan", objection.uuidString.lowercased()), .init("predikatSemula", previous.predikat)],
                        basis: procedure)
        return explanation
    }
}
