import Foundation
import Kinerja
import Persistence

/// `POST /v1/skp`.
struct CreateSKPBody: Decodable {
    let year: Int
    let startMonth: Int?
}

/// `POST /v1/skp/{id}/return`.
struct NotesBody: Decodable {
    let notes: String
}

/// `POST /v1/skp/{id}/decide`.
struct DecisionBody: Decodable {
    let approve: Bool
    let notes: String?
}

/// An SKP as the API shows it (ids in lower case): the plan, its current revision, and optionally its history.
struct SKPDocument: Encodable {
    let id: String
    let employeeID: String
    let year: Int
    let startMonth: Int
    let evaluatorID: String
    let evaluatorSuperiorID: String?
    let perangkatDaerahID: String?
    let ruleSetVersion: String
    let revision: Int
    let status: SKPStatus
    let decided: Bool
    let approvedAt: Date?
    let content: SKPContent
    let history: [SKPStatusChange]?

    init(_ skp: SKP, history: [SKPStatusChange]? = nil) {
        id = skp.id.uuidString.lowercased()
        employeeID = skp.employeeID.uuidString.lowercased()
        year = skp.year
        startMonth = skp.startMonth
        evaluatorID = skp.evaluatorID.uuidString.lowercased()
        evaluatorSuperiorID = skp.evaluatorSuperiorID?.uuidString.lowercased()
        perangkatDaerahID = skp.perangkatDaerahID?.uuidString.lowercased()
        ruleSetVersion = skp.ruleSetVersion
        revision = skp.revision
        status = skp.status
        decided = skp.decided
        approvedAt = skp.approvedAt
        content = skp.content
        self.history = history
    }
}

/// A page of a list with an opaque cursor.
struct SKPListPage<Item: Encodable>: Encodable {
    let items: [Item]
    let nextCursor: String?
}
