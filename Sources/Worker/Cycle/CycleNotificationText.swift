import Foundation
import Kinerja
import Persistence

/// The e-mails of the evaluation cycle in Bahasa Indonesia (issue 6 item 3). Pure, so the wording
/// is tested without a mail server.
public enum CycleNotificationText {
    /// The evaluation is final: its predikat, the document (link and verification code) and the
    /// objection window (PP 30/2019 Pasal 59; the rule set's filing window). A later `version`
    /// follows an objection decision that changed the result: the document is reissued, and no
    /// window is offered, since that decision is final.
    public static func evaluationFinalised(to name: String, period: String, predikat: String?, version: Int = 1,
                                           document: (url: String, code: String)?, filingWindow: DayWindow?) -> NotificationText {
        let reissued = version > 1
        var lines = [reissued
            ? "Hasil evaluasi kinerja Anda untuk periode \(period) diubah oleh keputusan atas keberatan; dokumen evaluasi diterbitkan ulang."
            : "Hasil evaluasi kinerja Anda untuk periode \(period) telah ditetapkan."]
        if let predikat { lines.append("Predikat kinerja: \(label(predikat)).") }
        if let document {
            lines += ["", "Dokumen evaluasi kinerja dapat diunduh di:", document.url,
                      "Kode verifikasi dokumen: \(document.code)"]
        }
        if !reissued, let window = filingWindow {
            lines += ["", "Apabila Anda tidak sependapat, Anda dapat mengajukan keberatan kepada atasan pejabat penilai "
                + "paling lama \(window.days) \(window.unit.indonesianName) sejak dokumen evaluasi diterima (\(window.basis))."]
        }
        return NotificationText(subject: reissued ? "Dokumen evaluasi kinerja Anda diterbitkan ulang"
                                                  : "Hasil evaluasi kinerja Anda telah ditetapkan", to: name, lines: lines)
    }

    /// A keberatan awaits the decider: whose, for which period, its reasons, the deadline.
    public static func objectionFiled(to name: String, employee: String, nip: String, period: String, reasons: String,
                                      decisionDue: String?) -> NotificationText {
        var lines = ["\(employee) (NIP \(nip)) mengajukan keberatan atas hasil evaluasi kinerja periode \(period). "
                     + "Sebagai atasan pejabat penilai, Anda memutuskan keberatan ini setelah mendengar kedua pihak; "
                     + "keputusan Anda bersifat final (PP 30/2019 Pasal 59).",
                     "", "Alasan keberatan:", excerpt(reasons)]
        if let decisionDue { lines += ["", "Batas waktu keputusan: \(decisionDue)."] }
        return NotificationText(subject: "Keberatan atas hasil evaluasi kinerja menunggu keputusan Anda", to: name, lines: lines)
    }

    /// The keberatan was decided: upheld, or changed with the new predikat.
    public static func objectionDecided(to name: String, period: String, changed: Bool, newPredikat: String?,
                                        document: (url: String, code: String)?) -> NotificationText {
        var lines = [changed
            ? "Keberatan Anda atas hasil evaluasi kinerja periode \(period) telah diputuskan: hasil evaluasi DIUBAH."
            : "Keberatan Anda atas hasil evaluasi kinerja periode \(period) telah diputuskan: hasil evaluasi DIKUATKAN."]
        if changed, let newPredikat {
            lines.append("Predikat kinerja Anda menjadi \(label(newPredikat)); dokumen evaluasi diterbitkan ulang.")
        }
        if let document {
            lines += ["", "Dokumen keputusan dapat diunduh di:", document.url, "Kode verifikasi dokumen: \(document.code)"]
        }
        lines += ["", "Keputusan atasan pejabat penilai bersifat final (PP 30/2019 Pasal 59)."]
        return NotificationText(subject: "Keberatan Anda telah diputuskan", to: name, lines: lines)
    }

    /// `Sangat Baik`, `Kurang/Misconduct`, or a weighted category (`Cukup`) as it reads.
    static func label(_ predikat: String) -> String {
        Predikat(rawValue: predikat)?.label ?? predikat.replacingOccurrences(of: "-", with: " ").capitalized
    }

    /// At most 600 characters of a long text.
    static func excerpt(_ text: String) -> String { text.count > 600 ? String(text.prefix(600)) + "…" : text }
}
