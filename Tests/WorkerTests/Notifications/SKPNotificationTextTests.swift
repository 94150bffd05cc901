import Foundation
import Persistence
import Testing
@testable import Worker

@Suite struct SKPNotificationTextTests {
    private func notification(_ kind: String, notes: String? = nil) -> SKPNotification {
        SKPNotification(kind: kind, tenantID: UUID(), skpID: UUID(), revision: 2, step: 3, recipientID: UUID(), notes: notes)
    }

    @Test(arguments: [
        ("skp.submitted", "SKP menunggu persetujuan Anda"),
        ("skp.reviewed", "SKP telah diperiksa pengelola kinerja"),
        ("skp.returned", "SKP Anda dikembalikan untuk diperbaiki"),
        ("skp.escalated", "Keputusan SKP diminta dari Anda"),
        ("skp.approved", "SKP Anda telah ditetapkan"),
    ])
    func everyWorkflowKindHasItsSubject(kind: String, subject: String) throws {
        let text = try #require(SKPNotificationText(notification(kind), recipientName: "Siti Rahmawati"))
        #expect(text.subject == subject)
        #expect(text.body.hasPrefix("Yth. Siti Rahmawati,\n"))
        #expect(text.body.contains("Revisi: 2"))
        #expect(!text.body.contains("Catatan:"))
    }

    @Test func theEvaluatorsNotesTravelWithAReturn() throws {
        let text = try #require(SKPNotificationText(notification("skp.returned", notes: "IKI 2 belum terukur."),
                                                    recipientName: "Budi"))
        #expect(text.body.contains("Catatan:\nIKI 2 belum terukur."))
    }

    @Test func anUnknownKindHasNoText() {
        #expect(SKPNotificationText(notification("skp.deleted"), recipientName: "Budi") == nil)
    }

    @Test func everyKindTheWorkerRegistersHasAText() {
        for kind in SKPNotificationText.kinds {
            #expect(SKPNotificationText(notification(kind), recipientName: "x") != nil, "\(kind)")
        }
    }
}
