import Foundation

/// The job that renders a finalised evaluation's document (kind `document.evaluation`), queued in
/// the transaction that finalises it, one per evaluation and version.
public struct EvaluationDocumentJob: Sendable, Equatable, Codable {
    /// The job kind the worker's handler registers.
    public static let kind = "document.evaluation"

    /// The tenant.
    public var tenantID: UUID
    /// The evaluation.
    public var evaluationID: UUID
    /// `evaluations.version` the document shows (1 at finalisation; an objection that changes the result adds one).
    public var version: Int

    /// Creates the job's arguments.
    public init(tenantID: UUID, evaluationID: UUID, version: Int) {
        self.tenantID = tenantID
        self.evaluationID = evaluationID
        self.version = version
    }

    /// One job per evaluation and version, however often finalising is retried.
    public var uniqueKey: String {
        "\(Self.kind):\(tenantID.uuidString.lowercased()):\(evaluationID.uuidString.lowercased()):v\(version)"
    }

    private enum CodingKeys: String, CodingKey { case tenantID = "tenantId", evaluationID = "evaluationId", version }
}
