import Foundation

/// The arguments of the evaluation cycle's jobs, as the enqueuing code writes them
/// (`{"tenantId", "evaluationId", "version"}` and so on). Each job reads what it needs.
public struct CycleJobArguments: Sendable, Equatable, Codable {
    /// The tenant.
    public var tenantID: UUID
    /// The evaluation (`document.evaluation`, `evaluation.finalised`).
    public var evaluationID: UUID?
    /// The evaluation's version (`document.evaluation`, `evaluation.finalised`).
    public var version: Int?
    /// The keberatan (`document.objection-decision`, `objection.filed`, `objection.decided`).
    public var objectionID: UUID?
    /// Who to tell (the notification kinds).
    public var recipientID: UUID?
    /// The issued document to link (`evaluation.finalised`).
    public var documentID: UUID?

    /// Arguments.
    public init(tenantID: UUID, evaluationID: UUID? = nil, version: Int? = nil, objectionID: UUID? = nil,
                recipientID: UUID? = nil, documentID: UUID? = nil) {
        self.tenantID = tenantID
        self.evaluationID = evaluationID
        self.version = version
        self.objectionID = objectionID
        self.recipientID = recipientID
        self.documentID = documentID
    }

    private enum CodingKeys: String, CodingKey {
        case tenantID = "tenantId", evaluationID = "evaluationId", version, objectionID = "objectionId",
             recipientID = "recipientId", documentID = "documentId"
    }

    /// Encodes ids in lower case, as every other producer of these jobs writes them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tenantID.uuidString.lowercased(), forKey: .tenantID)
        try container.encodeIfPresent(evaluationID?.uuidString.lowercased(), forKey: .evaluationID)
        try container.encodeIfPresent(version, forKey: .version)
        try container.encodeIfPresent(objectionID?.uuidString.lowercased(), forKey: .objectionID)
        try container.encodeIfPresent(recipientID?.uuidString.lowercased(), forKey: .recipientID)
        try container.encodeIfPresent(documentID?.uuidString.lowercased(), forKey: .documentID)
    }
}
