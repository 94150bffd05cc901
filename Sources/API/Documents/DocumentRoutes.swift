import Foundation
import HTTP
import Kinerja
import Persistence

/// Downloads of issued documents, following the caller's rights (issue 6 item 2): the subject
/// employee, their evaluator and the evaluator's superior, the pengelola kinerja of their
/// perangkat daerah, and tenant admins, as `AccessPolicy` decides `.viewEmployee`.
struct DocumentRoutes {
    let auth: Authenticator
    let documents: DocumentStore
    let assignments: AssignmentStore
    let organisation: OrganisationStore
    /// The current instant, injected so tests can move "today".
    let now: @Sendable () -> Date

    func register(on router: Router) {
        router.get("/v1/documents/:id") { request in try download(request) }
    }

    /// `GET /v1/documents/{id}`: the PDF as issued. 401 without a valid token, 404 for an id the
    /// caller's tenant does not have, 403 when the caller may not see the subject's documents.
    func download(_ request: Request) throws -> Response {
        var principal = try auth.principal(request)
        let tenant = try principal.tenant()
        guard let id = UUID(uuidString: request.parameter("id") ?? ""),
              let document = try documents.document(tenant: tenant, id: id) else {
            throw Problem.notFound("Dokumen tidak ditemukan.")
        }
        let facts = try accessFacts(tenant: tenant, subject: document.subjectEmployeeID, issuedAt: document.createdAt,
                                    principal: principal)
        // The hierarchy derives these roles (Role: "derived ... on the date"); the relations just
        // computed are that derivation for this one subject, so they are added here rather than
        // widening the principal any further. AccessPolicy still decides.
        if facts.isEvaluatorOfTarget { principal.roles.insert(.pejabatPenilai) }
        if facts.isEvaluatorsSuperiorOfTarget { principal.roles.insert(.atasanPejabatPenilai) }
        try auth.authorize(principal, .viewEmployee, facts)
        guard let download = try documents.download(tenant: tenant, id: id) else {
            throw Problem.notFound("Dokumen tidak ditemukan.")
        }
        var response = Response.bytes(download.bytes, contentType: "application/pdf")
        let name = "\(download.document.kind.rawValue)-v\(download.document.version)-\(download.document.verificationCode).pdf"
        response.headers.add(name: "Content-Disposition", value: "attachment; filename=\"\(name)\"")
        response.headers.add(name: "ETag", value: "\"\(download.document.sha256)\"")
        // Personal data: no shared cache may keep it.
        response.headers.add(name: "Cache-Control", value: "private, no-store")
        return response
    }

    /// The subject's place in the organisation on the day the document was issued and today, so
    /// the evaluator who signed it and the current one may both read it.
    private func accessFacts(tenant: UUID, subject: UUID, issuedAt: Date, principal: Principal) throws -> AccessFacts {
        var facts = AccessFacts(targetTenantID: tenant, targetEmployeeID: subject)
        // The subject and tenant admins are decided without the hierarchy.
        if principal.employeeID == subject || principal.has(.tenantAdmin) { return facts }
        let me = principal.employeeID
        let zone = try organisation.timeZone(tenant: tenant)
        let days = Set([CivilDate(instant: issuedAt, in: zone), CivilDate(instant: now(), in: zone)])
        for day in days.sorted() {
            let standing = try assignments.standing(tenant: tenant, of: subject, on: day)
            facts.targetPerangkatDaerahID = facts.targetPerangkatDaerahID ?? standing.perangkatDaerahID
            facts.isEvaluatorOfTarget = facts.isEvaluatorOfTarget || (me != nil && standing.evaluatorID == me)
            facts.isEvaluatorsSuperiorOfTarget = facts.isEvaluatorsSuperiorOfTarget
                || (me != nil && standing.evaluatorSuperiorID == me)
        }
        return facts
    }
}
