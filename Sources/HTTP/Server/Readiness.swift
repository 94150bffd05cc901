import Synchronization

/// Whether the service should receive traffic, for a `/readyz` route. The API flips it (e.g.
/// when the database is unreachable); `HTTPServer.shutdown` flips it to not ready first, so a
/// load balancer stops sending new requests while in-flight ones drain.
public final class Readiness: Sendable {
    private let ready: Atomic<Bool>

    /// A flag, ready unless told otherwise.
    public init(ready: Bool = true) { self.ready = Atomic(ready) }

    /// Whether the service should receive traffic now.
    public var isReady: Bool { ready.load(ordering: .acquiring) }

    /// Sets the state.
    public func set(ready value: Bool) { ready.store(value, ordering: .releasing) }

    /// 200 `ready` when ready, else a 503 problem with `Retry-After`.
    public func response(retryAfter seconds: Int = 5) -> Response {
        isReady ? .text("ready")
            : .problem(.serviceUnavailable(retryAfter: seconds, detail: "Layanan belum siap menerima permintaan."))
    }
}
