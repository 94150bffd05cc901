import Foundation
import JobQueue
import Kinerja
import Persistence
import Postgres
import Testing
import TestSupport
@testable import Worker

/// `document.evaluation` and `document.objection-decision` against the real tables: the PDF is
/// valid and names the people, NIPs and predikat; a retried job issues nothing twice; a changed
/// result is a new version that supersedes the old one.
@Suite(.requiresDatabase) struct CycleDocumentJobTests {
    private func handler(_ world: CycleWorld, _ queue: JobQueue) -> EvaluationDocumentHandler {
        EvaluationDocumentHandler(records: CycleRecordStore(pool: world.pool), documents: DocumentStore(pool: world.pool),
                                  ruleSets: RuleSetStore(pool: world.pool), queue: queue, logger: .silent)
    }

    private func queue(_ world: CycleWorld) -> JobQueue {
        JobQueue(pool: world.pool, configuration: JobQueue.Configuration(name: "doc_" + world.token), logger: .silent)
    }

    private func args(_ world: CycleWorld, version: Int) -> CycleJobArguments {
        CycleJobArguments(tenantID: world.tenant, evaluationID: world.evaluation, version: version)
    }

    @Test func theEvaluationDocumentNamesThePartiesAndThePredikatAndIsIssuedOnce() throws {
        let world = try CycleWorld()
        let queue = queue(world)
        let id = try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 1), on: queue,
                                   uniqueKey: "document.evaluation:\(world.evaluation):v1")
        let job = try world.claim(id, from: queue)
        let handler = handler(world, queue)
        try handler.handle(job)
        // The completion was lost, say: the retry finds the version issued and does nothing.
        try handler.handle(job)

        let documents = DocumentStore(pool: world.pool)
        let versions = try documents.versions(tenant: world.tenant, kind: .evaluationPeriodic, referenceID: world.evaluation)
        #expect(versions.map(\.version) == [1])
        let stored = try #require(versions.first)
        let bytes = try #require(try documents.download(tenant: world.tenant, id: stored.id)).bytes
        let pdf = try RenderedPDF(bytes)
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        for expected in [world.pegawaiName, "19850312 201001 1 003", "Siti Rahmawati \(world.token)", "19780615 200312 2 002",
                         "Drs. H. Ahmad Fauzi \(world.token)", "19690401 199403 1 005",
                         "PREDIKAT KINERJA PEGAWAI BAIK", "CAPAIAN KINERJA ORGANISASI BAIK", "PERIODE: TRIWULAN I",
                         "PEMERINTAH KABUPATEN UJI \(world.token.uppercased())", "Pranata Komputer",
                         // The RHK and the superior's RHK it serves (wrapped in their columns).
                         "Meningkatnya kualitas layanan Tersusunnya laporan sistem", "12 laporan", "Persentase laporan tanpa",
                         "Diikutsertakan pelatihan analisis data", "DASAR PENETAPAN PREDIKAT", "Kode verifikasi: \(stored.verificationCode)"] {
            #expect(text.contains(expected), "missing \(expected)")
        }

        // The notification to the employee was queued with the document, once.
        let notifications = try world.jobs(kindPrefix: CycleJobKind.evaluationFinalised)
        #expect(notifications.count == 1)
        #expect(notifications.first?.uniqueKey == "evaluation.finalised:\(world.evaluation.uuidString.lowercased()):v1")
        let queued = try #require(notifications.first).args.decode(CycleJobArguments.self)
        #expect(queued.documentID == stored.id)
        #expect(queued.recipientID == world.pegawai)
    }

    @Test func aChangingObjectionDecisionIssuesVersionTwoThatSupersedesTheFirst() throws {
        let world = try CycleWorld()
        let queue = queue(world)
        let handler = handler(world, queue)
        try handler.handle(try world.claim(try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 1),
                                                             on: queue), from: queue))
        let objection = try world.objection(outcome: "changed")
        // The version-1 job arriving late changes nothing; the version-2 job issues the new result.
        try handler.handle(try world.claim(try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 1),
                                                             on: queue), from: queue))
        try handler.handle(try world.claim(try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 2),
                                                             on: queue), from: queue))
        let documents = DocumentStore(pool: world.pool)
        let versions = try documents.versions(tenant: world.tenant, kind: .evaluationPeriodic, referenceID: world.evaluation)
        #expect(versions.map(\.version) == [1, 2])
        #expect(versions.first?.supersededBy == versions.last?.id)
        let latest = try #require(versions.last)
        let pdf = try RenderedPDF(try #require(try documents.download(tenant: world.tenant, id: latest.id)).bytes)
        defer { pdf.remove() }
        try pdf.expectValid()
        #expect(try pdf.flatText().contains("PREDIKAT KINERJA PEGAWAI SANGAT BAIK"))
        #expect(try world.jobs(kindPrefix: CycleJobKind.evaluationFinalised).count == 2)

        // The decision document: the keberatan, the explanation, MENGUBAH with the new predikat.
        let decision = ObjectionDecisionDocumentHandler(records: CycleRecordStore(pool: world.pool), documents: documents,
                                                        ruleSets: RuleSetStore(pool: world.pool), logger: .silent)
        let job = try world.claim(try world.enqueue(CycleJobKind.objectionDecisionDocument,
                                                    CycleJobArguments(tenantID: world.tenant, objectionID: objection), on: queue),
                                  from: queue)
        try decision.handle(job)
        try decision.handle(job)
        let issued = try documents.versions(tenant: world.tenant, kind: .objectionDecision, referenceID: objection)
        #expect(issued.count == 1)
        let decisionID = try #require(issued.first).id
        let decisionPDF = try RenderedPDF(try #require(try documents.download(tenant: world.tenant, id: decisionID)).bytes)
        defer { decisionPDF.remove() }
        try decisionPDF.expectValid()
        let text = try decisionPDF.flatText()
        let firstCode = try #require(versions.first).verificationCode
        for expected in [world.pegawaiName, "19850312 201001 1 003", "Drs. H. Ahmad Fauzi \(world.token)", "KEPUTUSAN MENGUBAH",
                         "PREDIKAT KINERJA PEGAWAI SANGAT BAIK", "PREDIKAT KINERJA PEGAWAI BAIK",
                         "KODE VERIFIKASI DOKUMEN EVALUASI \(firstCode)",
                         "Diusulkan masuk kelompok rencana suksesi", "14 hari kalender", "PP 30/2019 Pasal 59"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
    }

    @Test func theWeightedModelPrintsThePP46FormFromTheScores() throws {
        let world = try CycleWorld(weighted: true)
        let queue = queue(world)
        let job = try world.claim(try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 1), on: queue), from: queue)
        try handler(world, queue).handle(job)
        let documents = DocumentStore(pool: world.pool)
        let stored = try #require(try documents.versions(tenant: world.tenant, kind: .evaluationPeriodic,
                                                         referenceID: world.evaluation).first)
        let pdf = try RenderedPDF(try #require(try documents.download(tenant: world.tenant, id: stored.id)).bytes)
        defer { pdf.remove() }
        try pdf.expectValid()
        let text = try pdf.flatText()
        // Perbup Pasuruan 117/2019 Pasal 13 ayat (2), the README's example: SKP 88,67; perilaku 82,5; 86,2 Baik.
        for expected in ["PENILAIAN PRESTASI KERJA", "PEGAWAI NEGERI SIPIL", world.pegawaiName, "19850312 201001 1 003",
                         "Siti Rahmawati \(world.token)", "19780615 200312 2 002", "Drs. H. Ahmad Fauzi \(world.token)",
                         "a. Sasaran Kerja Pegawai (SKP) 88,67 x 60%", "Orientasi Pelayanan 80 (Baik)",
                         "Nilai rata-rata 82,5 (Baik) x 40%", "NILAI PRESTASI KERJA 86,2 (BAIK)",
                         "Menyusun laporan kepegawaian bulanan", "Kode verifikasi: \(stored.verificationCode)"] {
            #expect(text.contains(expected), "missing \(expected)")
        }
        #expect(try world.jobs(kindPrefix: CycleJobKind.evaluationFinalised).count == 1)
    }

    @Test func anEvaluationThatIsNotFinalFailsPermanently() throws {
        let world = try CycleWorld()
        let queue = queue(world)
        let job = try world.claim(try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 3), on: queue),
                                  from: queue)
        #expect(throws: PermanentJobError.self) { try handler(world, queue).handle(job) }
    }

    /// The worker's batch: each job answers for itself. The one that can be issued is, with its
    /// notification; one without a version and one naming no evaluation of the tenant fail
    /// permanently, alone; the same batch again (a lost completion) issues nothing twice.
    @Test func aBatchAnswersForEachJobAndIssuesOnce() throws {
        let world = try CycleWorld()
        let queue = queue(world)
        let ids = [try world.enqueue(CycleJobKind.evaluationDocument, args(world, version: 1), on: queue),
                   try world.enqueue(CycleJobKind.evaluationDocument, CycleJobArguments(tenantID: world.tenant, evaluationID: world.evaluation),
                                     on: queue),
                   try world.enqueue(CycleJobKind.evaluationDocument,
                                     CycleJobArguments(tenantID: world.tenant, evaluationID: UUID(), version: 1), on: queue)]
        let claimed = try queue.claim(batch: 10, workerID: "test")
        let jobs = try ids.map { id in try #require(claimed.first { $0.id == id }) }
        let handler = handler(world, queue)
        for _ in 0..<2 {
            let results = handler.handle(jobs)
            #expect(results.count == 3)
            #expect((try? results[0].get()) != nil)
            for failed in results[1...] {
                #expect(throws: PermanentJobError.self) { try failed.get() }
            }
        }
        let versions = try DocumentStore(pool: world.pool).versions(tenant: world.tenant, kind: .evaluationPeriodic,
                                                                    referenceID: world.evaluation)
        #expect(versions.map(\.version) == [1])
        #expect(try world.jobs(kindPrefix: CycleJobKind.evaluationFinalised).count == 1)
    }
}
