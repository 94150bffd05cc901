import Foundation
import Kinerja
import Persistence

/// The reminders in Bahasa Indonesia (issue 6 item 3): SKP deadline approaching, assessment
/// overdue, objection decision due. Pure, so the wording is tested without a mail server.
public enum ReminderText {
    /// The message of `reminder` for `name`; dates in the tenant's `timeZone`.
    public static func text(_ reminder: Reminder, to name: String, timeZone: String) -> NotificationText {
        func day(_ instant: Date?) -> String {
            instant.map { IndonesianDate.long(CycleRecordPrinting.day($0, timeZone)) } ?? "-"
        }
        let list = reminder.items.map { "- \($0.name) (NIP \($0.nip)), batas waktu \(day($0.dueAt))" }
        let more = reminder.total > reminder.items.count ? ["- dan \(reminder.total - reminder.items.count) lainnya"] : []
        switch reminder.cause {
        case .skpDeadline:
            let deadline = reminder.items.first.map { day($0.dueAt) } ?? reminder.deadline ?? "-"
            return NotificationText(subject: "Pengingat: batas waktu penetapan SKP \(deadline)", to: name, lines: [
                "SKP Anda untuk tahun ini belum ditetapkan. Batas waktu penetapan SKP adalah \(deadline).",
                "Mohon segera menyusun SKP bersama pejabat penilai kinerja dan mengajukannya untuk disetujui.",
            ])
        case .assessmentOverdue:
            return NotificationText(subject: "Pengingat: \(reminder.total) penilaian kinerja melewati batas waktu", to: name,
                                    lines: ["Penilaian kinerja pegawai berikut telah melewati batas waktu dan belum Anda nilai:"]
                                        + list + more
                                        + ["", "Pejabat penilai yang tidak melakukan penilaian dapat dikenai sanksi disiplin "
                                            + "(PP 94/2021)."])
        case .objectionDecisionDue:
            return NotificationText(subject: "Pengingat: \(reminder.total) keberatan menunggu keputusan Anda", to: name,
                                    lines: ["Keberatan atas hasil evaluasi kinerja berikut menunggu keputusan Anda sebagai "
                                            + "atasan pejabat penilai, dengan batas waktu yang sudah dekat atau terlewati:"]
                                        + list + more)
        }
    }
}
