import Persistence

/// The e-mail for an SKP workflow notification, in Bahasa Indonesia. Pure, so the wording is
/// tested without a mail server.
public struct SKPNotificationText: Sendable, Equatable {
    public var subject: String
    public var body: String

    /// The text for `notification` addressed to `recipientName`, or nil for a kind it does not know.
    public init?(_ notification: SKPNotification, recipientName: String) {
        let what: String
        switch notification.kind {
        case "skp.submitted":
            subject = "SKP menunggu persetujuan Anda"
            what = "Sebuah SKP telah diajukan dan menunggu persetujuan Anda sebagai pejabat penilai kinerja."
        case "skp.reviewed":
            subject = "SKP telah diperiksa pengelola kinerja"
            what = "SKP yang menunggu persetujuan Anda telah diperiksa oleh pengelola kinerja."
        case "skp.returned":
            subject = "SKP Anda dikembalikan untuk diperbaiki"
            what = "SKP Anda dikembalikan oleh pejabat penilai kinerja untuk diperbaiki."
        case "skp.escalated":
            subject = "Keputusan SKP diminta dari Anda"
            what = "Pejabat penilai dan pegawai tidak sepakat atas sebuah SKP. Sebagai atasan pejabat penilai, keputusan Anda bersifat final."
        case "skp.approved":
            subject = "SKP Anda telah ditetapkan"
            what = "SKP Anda telah disetujui dan ditetapkan."
        // Execution (issue 5 item 2; Perbup Tanah Laut 2024 Pasal 16–20): the employee hears of
        // feedback, coaching and a takeover. The feedback itself is read in the application.
        case "skp.feedback-received":
            subject = "Anda menerima umpan balik kinerja"
            what = "Anda menerima umpan balik berkelanjutan atas pelaksanaan SKP Anda; bacalah di aplikasi Kinerja."
        case "skp.coaching-recorded":
            subject = "Pembinaan kinerja telah dicatat"
            what = "Pejabat penilai kinerja telah mencatat bimbingan atau konseling kinerja Anda."
        case "skp.rhk-taken-over":
            subject = "Rencana hasil kerja Anda diambil alih"
            what = "Pejabat penilai kinerja mengambil alih salah satu rencana hasil kerja (RHK) Anda. Catatan ini menjadi dasar pertimbangan evaluasi kinerja."
        default:
            return nil
        }
        var lines = ["Yth. \(recipientName),", "", what]
        if let notes = notification.notes, !notes.isEmpty {
            lines += ["", "Catatan:", notes]
        }
        lines += ["", "Revisi: \(notification.revision)", "Nomor SKP: \(notification.skpID.uuidString.lowercased())",
                  "", "Pesan ini dikirim otomatis oleh Kinerja; mohon tidak membalas."]
        body = lines.joined(separator: "\n")
    }

    /// The job kinds this text covers.
    public static let kinds = ["skp.submitted", "skp.reviewed", "skp.returned", "skp.escalated", "skp.approved",
                               "skp.feedback-received", "skp.coaching-recorded", "skp.rhk-taken-over"]
}
