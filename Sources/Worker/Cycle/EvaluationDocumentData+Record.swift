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
    /// Throws a `PermanentJobError` for what cannot print: the weighted model (Perbup Pasuruan
    /// 117/2019 prints the PP 46/2011 forms, documents.md §7, which no template renders yet), or a
    /// quadrant evaluation without its capaian, ratings or parties.
    init(record: EvaluationDocumentRecord, issuedAt: Date) throws {
        guard record.model == "quadrant" else {
            throw PermanentJobError("evaluation \(record.id): the weighted model's PP 46/2011 forms are not printed")
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
        let catatan = [record.notes, record.recommendation.map { "Rekomendasi: " + $0 }]
            .compactMap { $0?.nonEmpty }.joined(separator: "\n\n")
        let signedOn = record.finalisedAt.map { CycleRecordPrinting.day($0, record.timeZone) } ?? record.endsOn
        self.init(
            issue: DocumentIssue(instansi: CycleRecordPrinting.instansi(record.tenantName),
                                 verificationCode: try CycleRecordPrinting.placeholderCode(), issuedAt: issuedAt),
            period: CycleRecordPrinting.period(record),
            variant: SKPVariant(approach: qualitative ? .kualitatif : .kuantitatif),
            pegawai: CycleRecordPrinting.identity(record.pegawai),
            pejabatPenilai: CycleRecordPrinting.identity(evaluator),
            // The Sekretaris Daerah's evaluator has no superior in the system (the Bupati signs outside it).
            atasanPejabatPenilai: record.evaluatorSuperior.map(CycleRecordPrinting.identity)
                ?? PegawaiIdentity(nama: "-", nip: nil, pangkatGolongan: "-", jabatan: "-", unitKerja: "-"),
            capaianKinerjaOrganisasi: capaian,
            hasilKerjaUtama: rhk.filter { $0.0 == .utama }.map(\.1),
            hasilKerjaTambahan: rhk.filter { $0.0 == .tambahan }.map(\.1),
            ratingHasilKerja: hasil,
            perilakuKerja: perilakuItems.isEmpty ? PerilakuKerjaItem.allWithoutEkspektasiKhusus : perilakuItems,
            ratingPerilakuKerja: perilaku, predikat: predikat, predikatBasis: basis, catatanRekomendasi: catatan,
            signing: DocumentSigning(place: CycleRecordPrinting.place(record.tenantName), date: signedOn))
    }
}
