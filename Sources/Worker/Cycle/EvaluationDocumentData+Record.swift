import Foundation
import JobQueue
import Kinerja
import Persistence

extension EvaluationDocumentData {
    /// The document of a final evaluation in the national (quadrant) model, from its stored rows.
    /// Realisation and continuous feedback are not stored by the cycle yet, so those columns
    /// print `-`. The predikat's basis is the explanation stored with the rating; an evaluation
    /// rated without one gets the quadrant's own (PermenPANRB 6/2022 Lampiran), recomputed.
    ///
    /// Throws a `PermanentJobError` for what cannot print: the weighted model (its own form,
    /// `PrestasiKerjaData`), or a quadrant evaluation without its capaian, ratings or parties.
    init(record: EvaluationDocumentRecord, issuedAt: Date) throws {
        guard record.model == "quadrant" else {
            throw PermanentJobError("evaluation \(record.id): the weighted model prints the PP 46/2011 form")
        }
        guard let capaian = record.capaian, let hasil = record.hasilKerjaRating, let perilaku = record.perilakuKerjaRating else {
            throw PermanentJobError("evaluation \(record.id): capaian or ratings missing")
        }
        guard let evaluator = record.evaluator else {
            throw PermanentJobError("evaluation \(record.id): no pejabat penilai")
        }
        let predikat = try CycleRecordPrinting.predikat(record.predikat, "evaluation \(record.id)")
        let basis = record.explanation.flatMap { $0.steps.isEmpty ? nil : $0 }
            ?? PredikatQuadrant.evaluate(hasilKerja: hasil, perilakuKerja: perilaku).explanation
        let rhk = (record.skp?.rhk ?? []).map { item in
            let pimpinan: String? = if case .superiorRHK(let id)? = item.serves { record.superiorRHKTexts[id] } else { nil }
            return (item.kind, RencanaHasilKerja(item, rhkPimpinan: pimpinan))
        }
        let allIKI = (record.skp?.rhk ?? []).flatMap(\.iki)
        let qualitative = !allIKI.isEmpty && allIKI.allSatisfy { $0.approach == .kualitatif }
        let perilakuItems = PerilakuKerjaItem.items(record.skp?.perilaku ?? [])
        let parts = try CycleRecordPrinting.evaluationParts(record, evaluator: evaluator, issuedAt: issuedAt)
        self.init(
            issue: parts.issue, period: parts.period, variant: SKPVariant(approach: qualitative ? .kualitatif : .kuantitatif),
            pegawai: parts.pegawai, pejabatPenilai: parts.penilai, atasanPejabatPenilai: parts.atasan,
            capaianKinerjaOrganisasi: capaian,
            hasilKerjaUtama: rhk.filter { $0.0 == .utama }.map(\.1),
            hasilKerjaTambahan: rhk.filter { $0.0 == .tambahan }.map(\.1),
            ratingHasilKerja: hasil,
            perilakuKerja: perilakuItems.isEmpty ? PerilakuKerjaItem.allWithoutEkspektasiKhusus : perilakuItems,
            ratingPerilakuKerja: perilaku, predikat: predikat, predikatBasis: basis, catatanRekomendasi: parts.catatan,
            signing: parts.signing)
    }
}
