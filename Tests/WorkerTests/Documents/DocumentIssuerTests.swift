import Foundation
import Kinerja
import Persistence
import Runtime
import Testing
import TestSupport
@testable import Worker

@Suite(.requiresDatabase) struct DocumentIssuerTests {
    @Test func everyTemplateIsIssuedWithItsCodePrintedAndItsKind() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let issuer = DocumentIssuer(store: DocumentStore(pool: database.pool))
        let store = DocumentStore(pool: database.pool)
        let skp = try issuer.issue(try DocumentFixtures.skp(), referenceID: UUID(), subjectEmployeeID: database.employee,
                                   id: UUID(), tenant: database.tenant, actor: .system("test"))
        let periodic = try issuer.issue(try DocumentFixtures.evaluation(), referenceID: UUID(),
                                        subjectEmployeeID: database.employee, id: UUID(), tenant: database.tenant,
                                        actor: .system("test"))
        let annual = try issuer.issue(try DocumentFixtures.evaluation(period: .year(2025)), referenceID: UUID(),
                                      subjectEmployeeID: database.employee, id: UUID(), tenant: database.tenant,
                                      actor: .system("test"))
        let objection = try issuer.issue(try DocumentFixtures.objection(decision: .menguatkan), referenceID: UUID(),
                                         subjectEmployeeID: database.employee, id: UUID(), tenant: database.tenant,
                                         actor: .system("test"))
        for (document, kind, period) in [(skp, DocumentKind.skp, "1 Januari s.d. 31 Desember 2025"),
                                         (periodic, .evaluationPeriodic, "1 Januari s.d. 31 Maret 2025"),
                                         (annual, .evaluationAnnual, "1 Januari s.d. 31 Desember 2025"),
                                         (objection, .objectionDecision, "1 April s.d. 30 Juni 2025")] {
            #expect(document.kind == kind)
            let download = try #require(try store.download(tenant: database.tenant, id: document.id))
            #expect(Runtime.SHA256.hex(download.bytes) == document.sha256)
            let pdf = try RenderedPDF(download.bytes)
            defer { pdf.remove() }
            try pdf.expectValid()
            let text = try pdf.flatText()
            #expect(text.contains("Kode verifikasi: \(document.verificationCode)"), "\(kind)")
            #expect(text.contains("/v1/verify/\(document.verificationCode)"), "\(kind)")
            let answer = try #require(try store.verify(document.verificationCode))
            #expect(answer.kind == kind && answer.periodLabel == period)
        }
    }
}
