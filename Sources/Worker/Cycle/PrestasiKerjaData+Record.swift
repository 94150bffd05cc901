import Foundation
import JobQueue
import Kinerja
import Persistence

extension PrestasiKerjaData {
    /// The document of a final evaluation in the weighted model (Perbup Pasuruan 117/2019), from
    /// its stored scores recomputed under `ruleSet` (the period's version), so every figure printed
    /// is the rules engine's own. Throws a `PermanentJobError` when scores, parties or the rule
    /// set's weighted sections are missing.
    init(record: EvaluationDocumentRecord, ruleSet: RuleSet, issuedAt: Date) throws {
        guard let scores = record.scores else {
            throw PermanentJobError("evaluation \(record.id): weighted model without scores")
        }
        guard let evaluator = record.evaluator else {
            throw PermanentJobError("evaluation \(record.id): no pejabat penilai")
        }
        guard let weights = ruleSet.evaluation.weights, let categories = ruleSet.evaluation.categories else {
            throw PermanentJobError("evaluation \(record.id): rule set \(record.ruleSetVersion) is not the weighted model")
        }
        let explained: Explained<WeightedModelResult>
        do {
            explained = try WeightedModel.evaluate(scores, ruleSet: ruleSet)
        } catch {
            throw PermanentJobError("evaluation \(record.id): scores do not compute: \(error)")
        }
        let result = explained.value
        // Pasal 12: the four elements, and kepemimpinan where the post is rated on it (the mean
        // the engine computed tells: it counted kepemimpinan only then).
        var elements: [(String, Decimal)] = [("Orientasi Pelayanan", scores.perilaku.orientasiPelayanan),
                                             ("Komitmen", scores.perilaku.komitmen),
                                             ("Inisiatif Kerja", scores.perilaku.inisiatifKerja),
                                             ("Kerjasama", scores.perilaku.kerjasama)]
        if let kepemimpinan = scores.perilaku.kepemimpinan,
           explained.explanation.steps.contains(where: { $0.figures.contains { $0.name == "kepemimpinan" } }) {
            elements.append(("Kepemimpinan", kepemimpinan))
        }
        let parts = try CycleRecordPrinting.evaluationParts(record, evaluator: evaluator, issuedAt: issuedAt)
        self.init(
            issue: parts.issue, period: parts.period, pegawai: parts.pegawai, pejabatPenilai: parts.penilai,
            atasanPejabatPenilai: parts.atasan,
            activities: Array(zip(scores.activities, result.activities)).map { (activity: $0.0, score: $0.1) },
            perilaku: elements.map { Element(name: $0.0, nilai: $0.1, sebutan: categories.category(of: $0.1)) },
            bobotSKP: weights.skp, bobotPerilaku: weights.perilaku, result: result, basis: explained.explanation,
            rekomendasi: parts.catatan, signing: parts.signing)
    }
}
