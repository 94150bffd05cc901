import Foundation
import HTTP
import Postgres

/// Liveness, readiness, metrics and the OpenAPI document.
struct SystemRoutes {
    let pool: PostgresPool
    let metrics: HTTPMetrics
    let readiness: ReadinessCheck
    let openAPIDocument: [UInt8]

    func register(on router: Router) {
        // Liveness never touches the database: a slow database must not get the pod restarted.
        // It runs on the reactor thread, so it answers even when every handler thread is busy.
        router.get("/healthz", onReactor: true) { _ in Response.text("ok") }
        router.get("/readyz") { _ in try readiness.respond() }
        router.get("/metrics") { _ in
            Response.bytes(Array((metrics.render() + PoolMetrics.render(pool.stats)).utf8),
                           contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
        let document = openAPIDocument
        router.get("/v1/openapi.json") { _ in Response.bytes(document, contentType: "application/json") }
    }
}
