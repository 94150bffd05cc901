import Foundation
import Persistence
import Postgres

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

    /// Issues the evaluation `referenceID`: periodic or annual by its period's caption. With a
    /// `version` (the evaluation's), a version issued already is not issued again and `then` is
    /// not called (`DocumentStore.issue`); `then` runs in the issuing transaction.
    public func issue(_ data: EvaluationDocumentData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID, tenant: UUID,
                      actor: AuditActor, version: Int? = nil,
                      then: @escaping (StoredDocument, PostgresConnection) throws -> Void = { _, _ in }) throws -> StoredDocument {
        try store.issue([request(data, referenceID: referenceID, subjectEmployeeID: subjectEmployeeID, id: id, actor: actor,
                                 version: version, then: then)], tenant: tenant)[0]
    }

    /// What `issue` stores for the national evaluation form, for issuing several in one
    /// transaction (`DocumentStore.issue(_:tenant:)`).
    public func request(_ data: EvaluationDocumentData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID,
                        actor: AuditActor, version: Int?,
                        then: @escaping (StoredDocument, PostgresConnection) throws -> Void) -> DocumentStore.Request {
        evaluationRequest(period: data.period, subject: data.pegawai, issue: data.issue, referenceID: referenceID,
                          subjectEmployeeID: subjectEmployeeID, id: id, actor: actor, version: version, then: then) { code in
            var data = data
            data.issue.verificationCode = code
            return EvaluationTemplate(data).render()
        }
    }

    /// What is stored for the weighted model's form (PP 46/2011), as above; `version` and `then` as
    /// for the national form.
    public func request(_ data: PrestasiKerjaData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID,
                        actor: AuditActor, version: Int?,
                        then: @escaping (StoredDocument, PostgresConnection) throws -> Void) -> DocumentStore.Request {
        evaluationRequest(period: data.period, subject: data.pegawai, issue: data.issue, referenceID: referenceID,
                          subjectEmployeeID: subjectEmployeeID, id: id, actor: actor, version: version, then: then) { code in
            var data = data
            data.issue.verificationCode = code
            return PrestasiKerjaTemplate(data).render()
        }
    }

    /// Either evaluation form, as `evaluation_periodic` or `evaluation_annual`.
    private func evaluationRequest(period: DocumentPeriod, subject: PegawaiIdentity, issue: DocumentIssue, referenceID: UUID,
                                   subjectEmployeeID: UUID, id: UUID, actor: AuditActor, version: Int?,
                                   then: @escaping (StoredDocument, PostgresConnection) throws -> Void,
                                   render: @escaping (VerificationCode) throws -> [UInt8]) -> DocumentStore.Request {
        let draft = DocumentDraft(kind: period.isAnnual ? .evaluationAnnual : .evaluationPeriodic,
                                  subjectEmployeeID: subjectEmployeeID, referenceID: referenceID,
                                  subjectName: subject.nama, periodLabel: period.label, version: version)
        return DocumentStore.Request(draft, id: id, actor: actor, at: issue.issuedAt, render: render, then: then)
    }

    /// Issues the decision on keberatan `referenceID`; with a `version`, once (as above).
    public func issue(_ data: ObjectionDecisionData, referenceID: UUID, subjectEmployeeID: UUID, id: UUID, tenant: UUID,
                      actor: AuditActor, version: Int? = nil) throws -> StoredDocument {
        let draft = DocumentDraft(kind: .objectionDecision, subjectEmployeeID: subjectEmployeeID, referenceID: referenceID,
                                  subjectName: data.pegawai.nama, periodLabel: data.period.label, version: version)
        return try store.issue(draft, id: id, tenant: tenant, actor: actor, at: data.issue.issuedAt) { code in
            var data = data
            data.issue.verificationCode = code
            return ObjectionDecisionTemplate(data).render()
        }
    }
}
