import Foundation
import HTTP
import Persistence
import Postgres
import Runtime

/// Every route of kinerja-api, registered in one place.
public enum APIRoutes {
    /// A router with all routes, served from `pool`.
    public static func makeRouter(pool: PostgresPool, metrics: HTTPMetrics, migrationsDirectory: String,
                                  logger: Logger) throws -> Router {
        let router = Router()
        SystemRoutes(pool: pool, metrics: metrics,
                     readiness: ReadinessCheck(pool: pool, migrationsDirectory: migrationsDirectory, logger: logger),
                     openAPIDocument: try OpenAPIDocument.bytes()).register(on: router)
        TenantRoutes(tenants: TenantStore(pool: pool)).register(on: router)
        // SKP: refuses every request (401) until the identity module's Authenticator is wired in,
        // and needs the organisation store, the rule-set store and the job queue after that.
        SKPRoutes(store: SKPStore(pool: pool, notifier: .awaitingJobQueue), principals: SKPAuthenticationPending(),
                  organisation: SKPUnavailable(), rules: SKPUnavailable(), now: { Date() }).register(on: router)
        return router
    }
}
