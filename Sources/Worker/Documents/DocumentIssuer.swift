import Foundation
import Persistence

/// Renders a template and stores it in one step: the store draws the verification code, the
/// template prints it, the store keeps the bytes with their SHA-256 as the next version of the
/// reference (`DocumentStore.issue`). What a document job of the performance cycle calls.
public struct DocumentIssuer: Sendable {
    private let store: DocumentStore

    /// An issuer over `store`.
    public init(store: DocumentStore) { self.store = store }

    /// Issues the SKP `referenceID` of `subjectEmployeeID`; `data.issue.verificationCode` is replaced.
    public func issue(_ data: SKPDocumentData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID, tenant: UUID,
                      actor: AuditActor) throws -> StoredDocument {
        let draft = DocumentDraft(kind: .skp, subjectEmployeeID: subjectEmployeeID, referenceID: referenceID,
                                  subjectName: data.pegawai.nama, periodLabel: data.period.label)
        return try store.issue(draft, id: id, tenant: tenant, actor: actor, at: data.issue.issuedAt) { code in
            var data = data
            data.issue.verificationCode = code
            return SKPTemplate(data).render()
        }
    }

    /// Issues the evaluation `referenceID`: periodic or annual by its period's caption.
    public func issue(_ data: EvaluationDocumentData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID, tenant: UUID,
                      actor: AuditActor) throws -> StoredDocument {
        let draft = DocumentDraft(kind: data.period.isAnnual ? .evaluationAnnual : .evaluationPeriodic,
                                  subjectEmployeeID: subjectEmployeeID, referenceID: referenceID,
                                  subjectName: data.pegawai.nama, periodLabel: data.period.label)
        return try store.issue(draft, id: id, tenant: tenant, actor: actor, at: data.issue.issuedAt) { code in
            var data = data
            data.issue.verificationCode = code
            return EvaluationTemplate(data).render()
        }
    }

    /// Issues the decision on keberatan `referenceID`.
    public func issue(_ data: ObjectionDecisionData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID, tenant: UUID,
                      actor: AuditActor) throws -> StoredDocument {
        let draft = DocumentDraft(kind: .objectionDecision, subjectEmployeeID: subjectEmployeeID, referenceID: referenceID,
                                  subjectName: data.pegawai.nama, periodLabel: data.period.label)
        return try store.issue(draft, id: id, tenant: tenant, actor: actor, at: data.issue.issuedAt) { code in
            var data = data
            data.issue.verificationCode = code
            return ObjectionDecisionTemplate(data).render()
        }
    }
}
