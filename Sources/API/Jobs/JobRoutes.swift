import Foundation
import HTTP
import JobQueue
import Kinerja
import Persistence

/// A tenant's background jobs (issue 6, operations): list them, retry a failed or cancelled one,
/// cancel a waiting one. A tenant admin (BKPSDM) uses `/v1/jobs` for their own regency; a central
/// admin names the regency in `/v1/admin/tenants/{slug}/jobs`. A tenant admin who names another
/// regency gets 404, as for every other tenant's resource. Isolation is the store's tenant filter
/// (`JobAdminStore`: `jobs` has no row-level security).
struct JobRoutes {
    let jobs: JobAdminStore
    let registry: TenantRegistryStore
    let auth: Authenticator
    let now: @Sendable () -> Date

    func register(on router: Router) {
        router.get("/v1/jobs") { try list($0) }
        router.post("/v1/jobs/:id/retry", bodyLimit: 1024) { try retry($0) }
        router.post("/v1/jobs/:id/cancel", bodyLimit: 1024) { try cancel($0) }
        router.get("/v1/admin/tenants/:slug/jobs") { try list($0) }
        router.post("/v1/admin/tenants/:slug/jobs/:id/retry", bodyLimit: 1024) { try retry($0) }
        router.post("/v1/admin/tenants/:slug/jobs/:id/cancel", bodyLimit: 1024) { try cancel($0) }
    }

    /// `GET …/jobs?state=&kind=&limit=&cursor=`: newest first; the cursor is the last job's id.
    func list(_ request: Request) throws -> Response {
        let (_, tenant) = try caller(request)
        let limit = try PageCursor.limit(request)
        let state = try request.query("state").map { text in
            guard let state = JobState(rawValue: text) else {
                throw Problem.validation([Problem.FieldError(
                    pointer: "/state", code: "invalid_state",
                    message: "state harus salah satu dari: \(JobState.allCases.map(\.rawValue).joined(separator: ", ")).")])
            }
            return state
        }
        let kind = request.query("kind")
        if let kind, kind.isEmpty || kind.utf8.count > 128 {
            throw Problem.validation([Problem.FieldError(pointer: "/kind", code: "invalid_length", message: "kind 1–128 karakter.")])
        }
        let before = try request.query("cursor").map { text in
            guard let id = Int(try PageCursor.decode(text)), id > 0 else {
                throw Problem.badRequest("Kursor halaman tidak valid.",
                                         errors: [Problem.FieldError(pointer: "/cursor", code: "invalid_cursor", message: "Kursor tidak valid.")])
            }
            return id
        }
        let found = try jobs.list(tenant: tenant, state: state, kind: kind, beforeID: before, limit: limit + 1)
        let page = Array(found.prefix(limit))
        let next = found.count > limit ? page.last.map { PageCursor.encode(String($0.id)) } : nil
        return try .json(Page(items: page.map(JobView.init), nextCursor: next))
    }

    /// `POST …/jobs/{id}/retry`: 409 unless the job is retryable, discarded or cancelled.
    func retry(_ request: Request) throws -> Response {
        let (who, tenant) = try caller(request)
        return try .json(JobView(jobs.retry(id: try jobID(request), tenant: tenant, actor: who.auditActor, at: now())))
    }

    /// `POST …/jobs/{id}/cancel`: 409 unless the job is available, scheduled or retryable.
    func cancel(_ request: Request) throws -> Response {
        let (who, tenant) = try caller(request)
        return try .json(JobView(jobs.cancel(id: try jobID(request), tenant: tenant, actor: who.auditActor, at: now())))
    }

    /// The caller and the tenant whose jobs they may manage: the one named by `slug` (central
    /// admins; a tenant admin only their own), else the caller's own.
    private func caller(_ request: Request) throws -> (Principal, UUID) {
        if let slug = request.parameter("slug") {
            let who = try auth.principal(request)
            guard let tenant = try registry.tenant(slug: slug) else { throw Problem.notFound("Kabupaten tidak ditemukan.") }
            try auth.authorize(who, .manageJobs, .tenant(tenant.id))
            return (who, tenant.id)
        }
        let who = try auth.require(request, .manageJobs)
        return (who, try who.tenant())
    }

    private func jobID(_ request: Request) throws -> Int {
        guard let text = request.parameter("id"), text.utf8.count <= 19, let id = Int(text), id > 0 else {
            throw Problem.notFound("Pekerjaan tidak ditemukan.")
        }
        return id
    }
}
