import Foundation
import Kinerja
@testable import Persistence
import Postgres
import Runtime
import Testing
import TestSupport
@testable import Worker

@Suite(.requiresDatabase) struct DocumentStoreTests {
    /// Issues the fixture SKP for `database`'s employee, rendered with the code the store drew.
    private func issueSKP(_ database: DocumentDatabase, reference: UUID, id: UUID = UUID(),
                          at: Date = DocumentFixtures.issuedAt) throws -> (StoredDocument, [UInt8]) {
        var rendered: [UInt8] = []
        let draft = DocumentDraft(kind: .skp, subjectEmployeeID: database.employee, referenceID: reference,
                                  subjectName: "Budi Santoso, S.Kom.", periodLabel: DocumentPeriod.year(2025).label)
        let stored = try DocumentStore(pool: database.pool).issue(draft, id: id, tenant: database.tenant,
                                                                  actor: .system("test"), at: at) { code in
            var data = try DocumentFixtures.skp()
            data.issue.verificationCode = code
            rendered = SKPTemplate(data).render()
            return rendered
        }
        return (stored, rendered)
    }

    @Test func issuedDocumentRoundTripsAndVerifiesWithoutATenant() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let (stored, bytes) = try issueSKP(database, reference: UUID())
        #expect(stored.version == 1 && stored.isCurrent)
        #expect(stored.sha256 == Runtime.SHA256.hex(bytes))

        let store = DocumentStore(pool: database.pool)
        let download = try #require(try store.download(tenant: database.tenant, id: stored.id))
        #expect(download.bytes == bytes)
        #expect(download.document == stored)
        // The code printed in the PDF is the one stored.
        let pdf = try RenderedPDF(download.bytes)
        defer { pdf.remove() }
        try pdf.expectValid()
        #expect(try pdf.flatText().contains("Kode verifikasi: \(stored.verificationCode)"))

        // kinerja_app with no tenant set: the public path answers, the table shows nothing.
        let answer = try #require(try store.verify(stored.verificationCode))
        #expect(answer.tenantName == database.tenantName)
        #expect(answer.kind == .skp)
        #expect(answer.maskedSubjectName == "B*** S******* S*****")
        #expect(answer.periodLabel == "1 Januari s.d. 31 Desember 2025")
        #expect(answer.sha256 == Runtime.SHA256.hex(bytes))
        #expect(answer.version == 1 && !answer.isSuperseded)
        try database.pool.withConnection { connection throws in
            let visible = try connection.query("SELECT count(*) FROM documents").first?.decode(Int.self, at: 0)
            #expect(visible == 0)
            #expect(throws: PostgresError.self) { try connection.query("SELECT count(*) FROM document_codes") }
        }
    }

    @Test func verificationLeavesTheCallersTenantSettingAlone() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let (stored, _) = try issueSKP(database, reference: UUID())
        let other = try DocumentDatabase.makeTenant()
        try database.pool.transaction(tenant: other) { connection throws in
            let rows = try connection.query("SELECT sha256 FROM verify_document(\(stored.verificationCode.text))")
            #expect(rows.count == 1)
            let setting = try connection.query("SELECT current_setting('app.tenant_id', true)").first?.decode(String.self, at: 0)
            #expect(setting == other.uuidString.lowercased())
            // Still the other tenant: the document stays invisible to it.
            let visible = try connection.query("SELECT count(*) FROM documents").first?.decode(Int.self, at: 0)
            #expect(visible == 0)
        }
        #expect(try DocumentStore(pool: database.pool).document(tenant: other, id: stored.id) == nil)
    }

    @Test func reissuingAddsAVersionAndSupersedesTheOldOne() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let reference = UUID()
        let (first, _) = try issueSKP(database, reference: reference)
        let (second, _) = try issueSKP(database, reference: reference, at: DocumentFixtures.issuedAt.addingTimeInterval(3600))
        #expect(second.version == 2)
        #expect(first.verificationCode != second.verificationCode)
        let store = DocumentStore(pool: database.pool)
        let versions = try store.versions(tenant: database.tenant, kind: .skp, referenceID: reference)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions[0].supersededBy == second.id && !versions[0].isCurrent)
        #expect(versions[1].isCurrent)
        #expect(try store.verify(first.verificationCode)?.isSuperseded == true)
        #expect(try store.verify(second.verificationCode)?.isSuperseded == false)
        // The audit log recorded both issues and the supersession, and its chain holds.
        let audit = AuditLog(pool: database.pool)
        #expect(try audit.entries(tenant: database.tenant, entity: "document", entityID: first.id.uuidString.lowercased())
            .map(\.action) == ["supersede", "create"])
        #expect(try audit.verify(tenant: database.tenant).firstBreak == nil)
    }

    @Test func issuedBytesCannotBeChangedByTheApplication() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let (stored, _) = try issueSKP(database, reference: UUID())
        #expect(throws: PostgresError.self) {
            try database.pool.transaction(tenant: database.tenant) { connection in
                try connection.query("UPDATE documents SET bytes = \([UInt8](repeating: 1, count: 4)) WHERE id = \(stored.id)")
            }
        }
        #expect(throws: PostgresError.self) {
            try database.pool.transaction(tenant: database.tenant) { connection in
                try connection.query("DELETE FROM documents WHERE id = \(stored.id)")
            }
        }
    }

    @Test func unknownCodesVerifyToNothing() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        #expect(try DocumentStore(pool: database.pool).verify(try #require(VerificationCode("ZZZZ-ZZZ2"))) == nil)
    }

    @Test func aCodeTakenByAnotherTenantIsDrawnAgain() throws {
        let first = try DocumentDatabase()
        defer { first.pool.close() }
        let (taken, _) = try issueSKP(first, reference: UUID())
        let second = try DocumentDatabase()
        defer { second.pool.close() }
        let fresh = try #require(VerificationCode("HJKL-MNP2"))
        var draws = [taken.verificationCode, fresh]
        var rendered: [VerificationCode] = []
        let draft = DocumentDraft(kind: .skp, subjectEmployeeID: second.employee, referenceID: UUID(),
                                  subjectName: "Budi Santoso, S.Kom.", periodLabel: "2025")
        let stored = try DocumentStore(pool: second.pool).issue(
            draft, id: UUID(), tenant: second.tenant, actor: .system("test"), at: DocumentFixtures.issuedAt,
            drawCode: { draws.removeFirst() },
            render: { code in
                rendered.append(code)
                var data = try DocumentFixtures.skp()
                data.issue.verificationCode = code
                return SKPTemplate(data).render()
            })
        #expect(rendered == [taken.verificationCode, fresh])
        #expect(stored.verificationCode == fresh && stored.version == 1)
        // The first tenant's document still answers to its code, untouched.
        #expect(try DocumentStore(pool: first.pool).verify(taken.verificationCode)?.tenantName == first.tenantName)
    }

    /// Several documents in one transaction (the worker's batch): each its own version, code and
    /// audit entry, one chain that still verifies, and all or none: a failing `then` of the last
    /// leaves nothing of the first either.
    @Test func aBatchIssuesEachDocumentAsAloneAndAllOrNone() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let store = DocumentStore(pool: database.pool)
        func request(_ reference: UUID, then: @escaping (StoredDocument, PostgresConnection) throws -> Void = { _, _ in })
            -> DocumentStore.Request {
            let draft = DocumentDraft(kind: .skp, subjectEmployeeID: database.employee, referenceID: reference,
                                      subjectName: "Budi Santoso, S.Kom.", periodLabel: "2025")
            return DocumentStore.Request(draft, id: UUID(), actor: .system("test"), at: DocumentFixtures.issuedAt, render: { code in
                var data = try DocumentFixtures.skp()
                data.issue.verificationCode = code
                return SKPTemplate(data).render()
            }, then: then)
        }
        let (a, b) = (UUID(), UUID())
        let (issuedAlready, _) = try issueSKP(database, reference: b)
        var announced: [UUID] = []
        let issued = try store.issue([request(a) { stored, _ in announced.append(stored.id) },
                                      request(b) { stored, _ in announced.append(stored.id) }], tenant: database.tenant)
        #expect(issued.map(\.referenceID) == [a, b] && issued.map(\.version) == [1, 2])
        #expect(Set(issued.map(\.verificationCode)).count == 2 && !issued.contains { $0.verificationCode == issuedAlready.verificationCode })
        #expect(announced == issued.map(\.id))
        #expect(try store.versions(tenant: database.tenant, kind: .skp, referenceID: b).map(\.isCurrent) == [false, true])
        let audit = try AuditLog(pool: database.pool).verify(tenant: database.tenant)
        #expect(audit.firstBreak == nil && audit.verifiedCount == 4)  // create; create, create and supersede

        struct Refused: Error {}
        let (c, d) = (UUID(), UUID())
        #expect(throws: Refused.self) {
            try store.issue([request(c), request(d) { _, _ in throw Refused() }], tenant: database.tenant)
        }
        for reference in [c, d] { #expect(try store.versions(tenant: database.tenant, kind: .skp, referenceID: reference).isEmpty) }
        #expect(try AuditLog(pool: database.pool).verify(tenant: database.tenant).verifiedCount == 4)
    }

    @Test func emptyOrOversizedRenderingsAreRefused() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let draft = DocumentDraft(kind: .skp, subjectEmployeeID: database.employee, referenceID: UUID(),
                                  subjectName: "Budi", periodLabel: "2025")
        for size in [0, DocumentStore.maxBytes + 1] {
            #expect(throws: DocumentStoreError.invalidSize(size)) {
                try DocumentStore(pool: database.pool).issue(draft, id: UUID(), tenant: database.tenant, actor: .system("test"),
                                                             at: DocumentFixtures.issuedAt) { _ in [UInt8](repeating: 0x25, count: size) }
            }
        }
    }

    @Test func aTamperedCopyOfTheIssuedPDFNoLongerMatches() throws {
        let database = try DocumentDatabase()
        defer { database.pool.close() }
        let (stored, bytes) = try issueSKP(database, reference: UUID())
        // Change the place of signing, "Pelaihari", to "Pelaiharu" in the content stream:
        // still a readable PDF, but not the registered one.
        let needle = Array("Pelaihari".utf8)
        let at = try #require((0...(bytes.count - needle.count)).first { Array(bytes[$0..<($0 + needle.count)]) == needle })
        var tampered = bytes
        tampered[at + needle.count - 1] = UInt8(ascii: "u")
        let answer = try #require(try DocumentStore(pool: database.pool).verify(stored.verificationCode))
        #expect(answer.sha256 == Runtime.SHA256.hex(bytes))
        #expect(answer.sha256 != Runtime.SHA256.hex(tampered))
        let pdf = try RenderedPDF(tampered)
        defer { pdf.remove() }
        #expect(try pdf.flatText().contains("Pelaiharu, 31 Januari 2025"))
    }
}
