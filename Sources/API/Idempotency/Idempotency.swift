import Foundation
import HTTP
import Persistence
import Runtime

/// `Idempotency-Key` for the creating POSTs (architecture.md, "API conventions"): a client that
/// retries a request with the same key gets the first answer again instead of a second creation.
///
/// ```swift
/// router.post("/v1/units", bodyLimit: Self.bodyLimit, idempotency.wrap { try createUnit($0) })
/// ```
///
/// - A key belongs to the caller (tenant user or central admin) and the route (method and
///   pattern): another user's or another route's identical key is another key.
/// - Without the header nothing changes. Unauthenticated requests run the handler as they are
///   (it answers 401); nothing is stored for them.
/// - The first request claims the key (`IdempotencyStore.claim`), runs, and its answer is kept
///   for 24 hours when it is final: 2xx, and 4xx except 401, 403, 409 and 429, whose cause may go
///   away (a new token, a granted role, a changed state, time). Those, and 5xx or an internal
///   error, release the key so a retry runs the request again.
/// - A retry with the same method, path, query and body gets the kept status, `Content-Type`,
///   `Location` and body, with `Idempotent-Replayed: true`; while the first is still running,
///   409 `idempotency-in-progress` with `Retry-After`; with a different request, 422
///   `idempotency-key-reused`.
/// - `.withoutSecrets` routes answer with one-time tokens (invitations, password resets). Their
///   successful bodies are never stored: a retry gets 409 `idempotency-completed` (with the
///   first answer's `Location`, if any) and no token.
struct Idempotency: Sendable {
    /// Whether a route's successful answers may be kept and replayed.
    enum Storage: Sendable {
        /// Keep and replay the whole answer.
        case replay
        /// The answer carries a one-time secret: keep only that it succeeded.
        case withoutSecrets
    }

    /// The header that marks a replayed answer.
    static let replayedHeader = "Idempotent-Replayed"

    let store: IdempotencyStore
    let auth: Authenticator
    let now: @Sendable () -> Date

    /// `handler` with idempotency keys honoured.
    func wrap(_ storage: Storage = .replay, _ handler: @escaping Router.Handler) -> Router.Handler {
        { request in try respond(request, storage: storage, handler: handler) }
    }

    private func respond(_ request: Request, storage: Storage, handler: Router.Handler) throws -> Response {
        guard let key = try IdempotencyKey(request) else { return try handler(request) }
        guard let principal = try? auth.principal(request) else { return try handler(request) }
        let owner: IdempotencyScope.Owner = principal.tenantID.map { .tenantUser(tenant: $0, user: principal.userID) }
            ?? .centralAdmin(principal.userID)
        let scope = IdempotencyScope(owner: owner, route: request.method.rawValue + " " + request.route, key: key.value)
        switch try store.claim(scope, requestHash: Self.hash(request), at: now()) {
        case .proceed: break
        case .completed(let kept): return Self.replay(kept)
        case .inProgress: throw Problem.idempotencyInProgress
        case .mismatch: throw Problem.idempotencyKeyReused
        }
        let response: Response
        do {
            response = try handler(request)
        } catch let convertible as ProblemConvertible {
            response = .problem(convertible.problem)
        } catch {
            try? store.release(scope)
            throw error
        }
        if let kept = Self.kept(response, storage: storage) {
            // The work is done; if keeping the answer fails, forget the claim rather than leave it
            // pending, and still answer: the client gets its result now.
            do { try store.complete(scope, with: kept) } catch { try? store.release(scope) }
        } else {
            try? store.release(scope)
        }
        return response
    }

    /// What to keep of `response`, or nil when a retry should run the request again.
    static func kept(_ response: Response, storage: Storage) -> IdempotentResponse? {
        let status = response.status.code
        let final = (200...299).contains(status) || ((400...499).contains(status) && ![401, 403, 409, 429].contains(status))
        guard final else { return nil }
        let secret = storage == .withoutSecrets && (200...299).contains(status)
        let body: String?
        if secret {
            body = nil
        } else {
            // Every API answer is UTF-8 JSON; anything else is not kept rather than mangled.
            guard let text = String(validating: response.body, as: UTF8.self) else { return nil }
            body = text
        }
        return IdempotentResponse(status: status, contentType: response.headers["Content-Type"],
                                  location: response.headers["Location"], body: body)
    }

    /// The answer to a retry of a finished request.
    static func replay(_ kept: IdempotentResponse) -> Response {
        guard let body = kept.body else {
            var response = Response.problem(.idempotencyCompleted(status: kept.status))
            if let location = kept.location { response.headers.add(name: "Location", value: location) }
            return response
        }
        var headers = HTTPHeaders()
        if let contentType = kept.contentType { headers.add(name: "Content-Type", value: contentType) }
        if let location = kept.location { headers.add(name: "Location", value: location) }
        headers.add(name: replayedHeader, value: "true")
        return Response(status: HTTPStatus(kept.status), headers: headers, body: Array(body.utf8))
    }

    /// SHA-256 of what makes two requests the same: method, path, query and body.
    static func hash(_ request: Request) -> String {
        var bytes = Array((request.method.rawValue + " " + request.path + "?" + (request.rawQuery ?? "") + "\n").utf8)
        bytes += request.body
        return SHA256.hex(bytes)
    }
}
