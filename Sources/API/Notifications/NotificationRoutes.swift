import Foundation
import HTTP
import Kinerja
import Persistence

/// The caller's in-app notifications (issue 6 item 3: the same events as the e-mails, per user).
/// A user's notifications are those of the employee their account belongs to; nobody reads
/// another person's list, so no policy beyond "signed in as a tenant user" applies.
struct NotificationRoutes {
    let auth: Authenticator
    let notifications: NotificationStore

    func register(on router: Router) {
        router.get("/v1/me/notifications") { request in try list(request) }
        router.post("/v1/me/notifications/:id/read") { request in try markRead(request) }
    }

    /// `GET /v1/me/notifications?unread=true&limit=&cursor=`: newest first.
    func list(_ request: Request) throws -> Response {
        let (tenant, employee) = try caller(request)
        let limit = try PageCursor.limit(request)
        let unreadOnly: Bool
        switch request.query("unread") {
        case nil, "false": unreadOnly = false
        case "true": unreadOnly = true
        default:
            throw Problem.validation([Problem.FieldError(pointer: "/unread", code: "invalid_value",
                                                         message: "unread harus true atau false.")])
        }
        var before: UUID?
        if let cursor = request.query("cursor") {
            guard let id = UUID(uuidString: try PageCursor.decode(cursor)) else { throw Problem.badRequest("Kursor halaman tidak valid.") }
            before = id
        }
        guard let employee else { return try .json(Page<InAppNotification>(items: [], nextCursor: nil)) }
        let items = try notifications.list(tenant: tenant, recipient: employee, unreadOnly: unreadOnly, before: before,
                                           limit: limit + 1)
        let page = Array(items.prefix(limit))
        let next = items.count > limit ? page.last.map { PageCursor.encode($0.id.uuidString.lowercased()) } : nil
        return try .json(Page(items: page, nextCursor: next))
    }

    /// `POST /v1/me/notifications/{id}/read`: marks one read (again: no change) and returns it.
    func markRead(_ request: Request) throws -> Response {
        let (tenant, employee) = try caller(request)
        guard let id = request.parameter("id").flatMap(UUID.init(uuidString:)), let employee,
              let notification = try notifications.markRead(tenant: tenant, recipient: employee, id: id)
        else { throw Problem.notFound("Notifikasi tidak ditemukan.") }
        return try .json(notification)
    }

    /// The caller's tenant and employee (nil for an account without an employee record, which has
    /// no notifications); 401 without a valid token, 403 for a central admin.
    private func caller(_ request: Request) throws -> (UUID, UUID?) {
        let principal = try auth.principal(request)
        return (try principal.tenant(), principal.employeeID)
    }
}
