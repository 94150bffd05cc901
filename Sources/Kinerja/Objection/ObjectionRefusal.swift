import Foundation

/// Why an objection step was refused: a stable code and an Indonesian message that ends with the
/// article that refused it. The API turns each into problem+json (403, 409 or 422).
public enum ObjectionRefusal: Error, Sendable, Equatable {
    /// Only the evaluated employee records the receipt of their document or files an objection.
    case notTheEmployee(basis: LegalBasis)
    /// Only the evaluator's superior (atasan pejabat penilai) hears and decides.
    case notTheDecider(basis: LegalBasis)
    /// The evaluation is not final: there is no result to object to yet.
    case evaluationNotFinal(status: String, basis: LegalBasis)
    /// The evaluation names no superior of the evaluator who could decide.
    case noDecider(basis: LegalBasis)
    /// The receipt was recorded already (once only: the window counts from the first receipt).
    case receiptAlreadyRecorded(at: Date)
    /// Filed after the filing deadline.
    case filingWindowPassed(ObjectionTimeline)
    /// One objection per evaluation (migration 0015, `UNIQUE (tenant_id, evaluation_id)`).
    case alreadyFiled(objection: UUID, basis: LegalBasis)
    /// The decision is final (PP 30/2019 Pasal 59): no second decision, no hearing after it.
    case alreadyDecided(basis: LegalBasis)
    /// Both sides must have been heard before a decision.
    case hearingIncomplete(missing: [String], basis: LegalBasis)
    /// "Changed" with a result equal to the one objected to.
    case resultUnchanged(basis: LegalBasis)

    /// The stable code, also the problem type's slug.
    public var code: String {
        switch self {
        case .notTheEmployee: "objection-not-the-employee"
        case .notTheDecider: "objection-not-the-decider"
        case .evaluationNotFinal: "evaluation-not-final"
        case .noDecider: "objection-no-decider"
        case .receiptAlreadyRecorded: "evaluation-receipt-already-recorded"
        case .filingWindowPassed: "objection-filing-window-passed"
        case .alreadyFiled: "objection-already-filed"
        case .alreadyDecided: "objection-already-decided"
        case .hearingIncomplete: "objection-hearing-incomplete"
        case .resultUnchanged: "objection-result-unchanged"
        }
    }

    /// The rule that refused.
    public var basis: LegalBasis? {
        switch self {
        case .notTheEmployee(let basis), .notTheDecider(let basis), .evaluationNotFinal(_, let basis), .noDecider(let basis),
             .alreadyFiled(_, let basis), .alreadyDecided(let basis), .hearingIncomplete(_, let basis),
             .resultUnchanged(let basis):
            basis
        case .filingWindowPassed(let timeline): timeline.filingBasis
        case .receiptAlreadyRecorded: nil
        }
    }

    /// What happened, for people, ending with the article.
    public var message: String {
        let cite = basis.map { " (\($0))" } ?? ""
        switch self {
        case .notTheEmployee:
            return "Hanya pegawai yang dinilai yang dapat mencatat penerimaan dokumen evaluasi dan mengajukan keberatan." + cite
        case .notTheDecider:
            return "Keberatan diperiksa dan diputus oleh atasan pejabat penilai kinerja; Anda bukan atasan pejabat penilai "
                + "untuk evaluasi ini." + cite
        case .evaluationNotFinal(let status, _):
            return "Evaluasi kinerja ini belum ditetapkan (status '\(status)'); keberatan hanya dapat diajukan atas hasil "
                + "evaluasi yang telah ditetapkan." + cite
        case .noDecider:
            return "Evaluasi ini tidak mencatat atasan pejabat penilai kinerja yang memutus keberatan; hubungi admin BKPSDM." + cite
        case .receiptAlreadyRecorded(let at):
            return "Penerimaan dokumen evaluasi sudah dicatat pada \(ISO8601DateFormatter().string(from: at)); "
                + "tenggat keberatan dihitung dari penerimaan pertama."
        case .filingWindowPassed(let timeline):
            let deadline = timeline.filing.value
            let zone = deadline.timeZone ?? "waktu setempat"
            return "Keberatan diajukan setelah tenggat: paling lama \(deadline.days) \(deadline.unit.indonesianName) sejak "
                + "dokumen evaluasi diterima pada \(deadline.start), yaitu akhir hari \(deadline.due) pukul 23.59 (\(zone))." + cite
        case .alreadyFiled(let objection, _):
            return "Keberatan atas evaluasi ini sudah diajukan (\(objection.uuidString.lowercased())); "
                + "setiap hasil evaluasi hanya dapat diajukan keberatan satu kali." + cite
        case .alreadyDecided:
            return "Keberatan ini sudah diputus; keputusan atasan pejabat penilai bersifat final." + cite
        case .hearingIncomplete(let missing, _):
            return "Sebelum memutus, atasan pejabat penilai meminta penjelasan pejabat penilai dan pegawai; belum dicatat: "
                + missing.joined(separator: ", ") + "." + cite
        case .resultUnchanged:
            return "Keputusan 'mengubah' harus mengubah hasil evaluasi; hasil yang dikirim sama dengan hasil semula. "
                + "Gunakan 'menguatkan' bila hasil tidak berubah." + cite
        }
    }
}
