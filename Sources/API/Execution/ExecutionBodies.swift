import Foundation
import Kinerja

/// `POST /v1/skp/{id}/realisations`: one IKI's realisation for the period containing `period`
/// (a date, YYYY-MM-DD; today in the tenant's zone when left out).
struct RealisationBody: Decodable {
    let rhkID: UUID
    let iki: Int
    let period: String?
    let value: Decimal?
    let text: String?
    let links: [String]?

    var entry: RealisationEntry { RealisationEntry(value: value, text: text, links: links ?? []) }
}

/// `PUT /v1/realisations/{id}`: the corrected realisation, whole.
struct RealisationCorrectionBody: Decodable {
    let value: Decimal?
    let text: String?
    let links: [String]?

    var entry: RealisationEntry { RealisationEntry(value: value, text: text, links: links ?? []) }
}

/// `POST /v1/skp/{id}/feedback`.
struct FeedbackBody: Decodable {
    let relation: UmpanBalik.Relation?
    let kind: UmpanBalik.Kind
    let rhkID: UUID?
    let text: String
}

/// `POST /v1/skp/{id}/coaching`.
struct CoachingBody: Decodable {
    let kind: PembinaanKinerja.Kind
    let heldOn: CivilDate
    let notes: String
}

/// `POST /v1/skp/{id}/rhk/{rhkId}/takeover`.
struct TakeoverBody: Decodable {
    let note: String
}
