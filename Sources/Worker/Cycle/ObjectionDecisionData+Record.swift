import Foundation
import JobQueue
import Kinerja
import Persistence

extension ObjectionDecisionData {
    /// The decision document of a decided keberatan, from its stored rows; `objection` gives the
    /// filing and decision windows of the rule set in force, printed as the footer (documents.md §6).
    /// Throws a `PermanentJobError` for a keberatan not yet decided or an evaluation that cannot print.
    init(record: ObjectionDocumentRecord, objection: RuleSet.Objection?, issuedAt: Date) throws {
        let evaluation = record.evaluation
        guard record.status == "decided", let outcome = record.outcome, let decidedAt = record.decidedAt else {
            throw PermanentJobError("objection \(record.id) is not decided")
        }
        guard let capaian = evaluation.capaian else {
            throw PermanentJobError("objection \(record.id): the evaluation has no capaian kinerja organisasi")
        }
        guard let evaluator = evaluation.evaluator, let superior = evaluation.evaluatorSuperior else {
            throw PermanentJobError("objection \(record.id): pejabat penilai or atasan missing")
        }
        let decision: ObjectionDecision
        if outcome == "changed" {
            let rekomendasi = [record.newRecommendation, record.decisionNotes].compactMap { $0?.nonEmpty }.first ?? "-"
            decision = .mengubah(predikat: try CycleRecordPrinting.predikat(record.newPredikat, "objection \(record.id)"),
                                 rekomendasi: rekomendasi)
        } else {
            decision = .menguatkan
        }
        let zone = evaluation.timeZone
        var keberatan = record.reasons
        if outcome != "changed", let notes = record.decisionNotes?.nonEmpty { keberatan += "\n\nCatatan keputusan: " + notes }
        self.init(
            issue: DocumentIssue(instansi: CycleRecordPrinting.instansi(evaluation.tenantName),
                                 verificationCode: try CycleRecordPrinting.placeholderCode(), issuedAt: issuedAt),
            period: CycleRecordPrinting.period(evaluation),
            pegawai: CycleRecordPrinting.identity(evaluation.pegawai),
            pejabatPenilai: CycleRecordPrinting.identity(evaluator),
            atasanPejabatPenilai: CycleRecordPrinting.identity(superior),
            capaianKinerjaOrganisasi: capaian,
            predikatSemula: try CycleRecordPrinting.predikat(record.previousPredikat, "objection \(record.id)"),
            evaluationReference: record.evaluationDocumentCode,
            evaluationReceivedOn: CycleRecordPrinting.day(record.documentReceivedAt, zone),
            keberatan: keberatan, filedOn: CycleRecordPrinting.day(record.filedAt, zone),
            penjelasanPejabatPenilai: record.evaluatorExplanation?.nonEmpty,
            decision: decision, decidedOn: CycleRecordPrinting.day(decidedAt, zone),
            place: CycleRecordPrinting.place(evaluation.tenantName),
            deadlineNote: objection.map(Self.deadlineNote))
    }

    /// `Keberatan diajukan paling lama 14 hari kerja sejak …` from the rule set's windows, each
    /// with its article (PP 30/2019 Pasal 59; Perbup Tanah Laut 2024 Pasal 35 huruf a and e).
    static func deadlineNote(_ objection: RuleSet.Objection) -> String {
        let filing = objection.filingWindow
        var note = "Keberatan diajukan paling lama \(filing.days) \(filing.unit.indonesianName) sejak dokumen evaluasi "
            + "kinerja diterima (\(filing.basis))"
        if let decision = objection.decisionWindow {
            note += " dan diputuskan paling lama \(decision.days) \(decision.unit.indonesianName) sejak keberatan "
                + "diterima (\(decision.basis))"
        }
        return note + "."
    }
}
