import Foundation
import Kinerja
import Persistence

// The execution records as the API shows them: ids in lower case, as every route writes ids.

private func lower(_ id: UUID) -> String { id.uuidString.lowercased() }

/// `GET /v1/skp/{id}/execution`.
struct ExecutionOverviewView: Encodable {
    struct Item: Encodable {
        let rhk: RHK
        let plan: RHKExecutionPlan?
        let takeover: TakeoverView?
    }

    let skpID: String
    let revision: Int
    let items: [Item]

    init(_ overview: ExecutionOverview) {
        skpID = lower(overview.skpID)
        revision = overview.revision
        items = overview.items.map { Item(rhk: $0.rhk, plan: $0.plan, takeover: $0.takeover.map(TakeoverView.init)) }
    }
}

/// An RHK taken over, with its note.
struct TakeoverView: Encodable {
    let skpID: String
    let rhkID: String
    let revision: Int
    let takenBy: String
    let note: String
    let takenAt: Date

    init(_ takeover: RHKTakeover) {
        skpID = lower(takeover.skpID)
        rhkID = lower(takeover.rhkID)
        revision = takeover.revision
        takenBy = lower(takeover.takenBy)
        note = takeover.note
        takenAt = takeover.takenAt
    }
}

/// An uploaded evidence file's description, with where to download it.
struct EvidenceFileView: Encodable {
    let id: String
    let name: String
    let contentType: String
    let size: Int
    let sha256: String
    let uploadedBy: String
    let uploadedAt: Date
    let href: String

    init(_ file: EvidenceFile, realisation: UUID) {
        id = lower(file.id)
        name = file.name
        contentType = file.contentType
        size = file.size
        sha256 = file.sha256
        uploadedBy = lower(file.uploadedBy)
        uploadedAt = file.uploadedAt
        href = "/v1/realisations/\(lower(realisation))/files/\(lower(file.id))"
    }
}

/// A realisation with its evidence.
struct RealisationView: Encodable {
    let id: String
    let skpID: String
    let revision: Int
    let rhkID: String
    let iki: Int
    let period: EvaluationPeriod
    let value: Decimal?
    let text: String?
    let links: [String]
    let files: [EvidenceFileView]
    let createdBy: String
    let createdAt: Date
    let updatedAt: Date
    let lockedAt: Date?

    init(_ realisation: Realisation) {
        id = lower(realisation.id)
        skpID = lower(realisation.skpID)
        revision = realisation.revision
        rhkID = lower(realisation.rhkID)
        iki = realisation.ikiPosition
        period = realisation.period
        value = realisation.entry.value
        text = realisation.entry.text
        links = realisation.entry.links
        files = realisation.files.map { EvidenceFileView($0, realisation: realisation.id) }
        createdBy = lower(realisation.createdBy)
        createdAt = realisation.createdAt
        updatedAt = realisation.updatedAt
        lockedAt = realisation.lockedAt
    }
}

/// A piece of continuous feedback.
struct FeedbackView: Encodable {
    let id: String
    let skpID: String
    let employeeID: String
    let giverID: String
    let relation: UmpanBalik.Relation
    let kind: UmpanBalik.Kind
    let rhkID: String?
    let text: String
    let givenAt: Date

    init(_ feedback: UmpanBalik) {
        id = lower(feedback.id)
        skpID = lower(feedback.skpID)
        employeeID = lower(feedback.employeeID)
        giverID = lower(feedback.giverID)
        relation = feedback.relation
        kind = feedback.kind
        rhkID = feedback.rhkID.map(lower)
        text = feedback.text
        givenAt = feedback.givenAt
    }
}

/// A coaching record.
struct CoachingView: Encodable {
    let id: String
    let skpID: String
    let employeeID: String
    let evaluatorID: String
    let kind: PembinaanKinerja.Kind
    let heldOn: CivilDate
    let notes: String
    let recordedAt: Date

    init(_ record: PembinaanKinerja) {
        id = lower(record.id)
        skpID = lower(record.skpID)
        employeeID = lower(record.employeeID)
        evaluatorID = lower(record.evaluatorID)
        kind = record.kind
        heldOn = record.heldOn
        notes = record.notes
        recordedAt = record.recordedAt
    }
}
