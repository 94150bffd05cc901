import Foundation
import Kinerja
import Persistence
import Testing
@testable import Worker

/// The wording of the cycle's e-mails and reminders, without a mail server.
@Suite struct CycleNotificationTextTests {
    @Test func theFinalisedEvaluationNamesThePredikatTheDocumentAndTheObjectionWindow() {
        let window = DayWindow(days: 14, unit: .working, basis: LegalBasis(regulation: "Perbup Tanah Laut 2024",
                                                                         article: "Pasal 35 huruf a"))
        let text = CycleNotificationText.evaluationFinalised(
            to: "Budi Santoso", period: "1 Januari s.d. 31 Maret 2026", predikat: "kurang",
            document: ("https://kinerja.example/v1/documents/abc", "ABCD-EF23"), filingWindow: window)
        #expect(text.subject == "Hasil evaluasi kinerja Anda telah ditetapkan")
        #expect(text.body.hasPrefix("Yth. Budi Santoso,\n\n"))
        #expect(text.body.contains("Predikat kinerja: Kurang/Misconduct."))
        #expect(text.body.contains("https://kinerja.example/v1/documents/abc\nKode verifikasi dokumen: ABCD-EF23"))
        #expect(text.body.contains("paling lama 14 hari kerja sejak dokumen evaluasi diterima (Perbup Tanah Laut 2024 Pasal 35 huruf a)"))
        #expect(text.body.hasSuffix("Pesan ini dikirim otomatis oleh Kinerja; mohon tidak membalas."))
    }

    @Test func aReissueAfterAChangingDecisionOffersNoFurtherObjection() {
        let window = DayWindow(days: 14, unit: .calendar, basis: LegalBasis(regulation: "PP 30/2019", article: "Pasal 59"))
        let text = CycleNotificationText.evaluationFinalised(to: "Budi", period: "Triwulan I", predikat: "sangat-baik", version: 2,
                                                             document: nil, filingWindow: window)
        #expect(text.subject == "Dokumen evaluasi kinerja Anda diterbitkan ulang")
        #expect(text.body.contains("diubah oleh keputusan atas keberatan"))
        #expect(!text.body.contains("mengajukan keberatan"))
    }

    @Test func aWeightedCategoryReadsAsAWord() {
        #expect(CycleNotificationText.label("cukup") == "Cukup")
        #expect(CycleNotificationText.label("sangat-baik") == "Sangat Baik")
    }

    @Test func aChangedDecisionSaysTheNewPredikat() {
        let text = CycleNotificationText.objectionDecided(to: "Budi", period: "Triwulan", changed: true,
                                                          newPredikat: "sangat-baik", document: nil)
        #expect(text.body.contains("hasil evaluasi DIUBAH"))
        #expect(text.body.contains("Predikat kinerja Anda menjadi Sangat Baik"))
    }

    @Test func aLongAssessmentReminderListsFiftyAndCountsTheRest() {
        let items = (1...60).map { Reminder.Item(id: UUID(), name: "Pegawai \($0)", nip: "198503122010011003", dueAt: nil) }
        let reminder = Reminder(tenantID: UUID(), recipientID: UUID(), cause: .assessmentOverdue, date: "2026-04-10", items: items)
        #expect(reminder.items.count == Reminder.maxItems)
        #expect(reminder.total == 60)
        let text = ReminderText.text(reminder, to: "Siti", timeZone: "Asia/Jakarta")
        #expect(text.subject == "Pengingat: 60 penilaian kinerja melewati batas waktu")
        #expect(text.body.contains("- dan 10 lainnya"))
        #expect(reminder.uniqueKey.hasPrefix("reminder.assessment-overdue:"))
        #expect(reminder.uniqueKey.hasSuffix(":2026-04-10"))
    }

    @Test func theDecisionFooterFollowsTheRuleSetsWindows() {
        let note = ObjectionDecisionData.deadlineNote(RuleSet.Objection(
            filingWindow: DayWindow(days: 14, unit: .working, basis: LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 35 huruf a")),
            decisionWindow: DayWindow(days: 7, unit: .working, basis: LegalBasis(regulation: "Perbup Tanah Laut 2024", article: "Pasal 35 huruf e"))))
        #expect(note == "Keberatan diajukan paling lama 14 hari kerja sejak dokumen evaluasi kinerja diterima "
            + "(Perbup Tanah Laut 2024 Pasal 35 huruf a) dan diputuskan paling lama 7 hari kerja sejak keberatan diterima "
            + "(Perbup Tanah Laut 2024 Pasal 35 huruf e).")
    }
}
