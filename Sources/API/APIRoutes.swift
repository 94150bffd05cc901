import Foundation
import HTTP
import Persistence
import Postgres
import Runtime

/// Every route of kinerja-api, registered in one place.
public enum APIRoutes {
    /// A router with all routes, served from `pool`.
    public static func makeRouter(pool: PostgresPool, metrics: HTTPMetrics, migrationsDirectory: String,
                                  logger: Logger, identity: IdentityConfiguration = IdentityConfiguration()) throws -> Router {
        let router = Router()
        let identities = IdentityStore(pool: pool, hasher: PasswordHasher(iterations: identity.passwordIterations))
        // Route files that need a caller take this: `let who = try auth.principal(request)`.
        let auth = Authenticator(identities: identities)
        let registry = TenantRegistryStore(pool: pool)
        SystemRoutes(pool: pool, metrics: metrics,
                     readiness: ReadinessCheck(pool: pool, migrationsDirectory: migrationsDirectory, logger: logger),
                     openAPIDocument: try OpenAPIDocument.bytes()).register(on: router)
        TenantRoutes(tenants: TenantStore(pool: pool)).register(on: router)
        SessionRoutes(identities: identities, tenants: TenantStore(pool: pool), registry: registry, auth: auth,
                      throttle: LoginThrottle(store: LoginThrottleStore(pool: pool), configuration: identity),
                      configuration: identity, logger: logger).register(on: router)
        UserRoutes(identities: identities, auth: auth, configuration: identity).register(on: router)
        TenantAdminRoutes(registry: registry, identities: identities, auth: auth, configuration: identity).register(on: router)
        VerifyRoutes(documents: DocumentStore(pool: pool)).register(on: router)
        let organisation = OrganisationStore(pool: pool), assignments = AssignmentStore(pool: pool)
        let access = OrganisationAccess(auth: auth, assignments: assignments, organisation: organisation)
        OrganisationRoutes(organisation: organisation, access: access).register(on: router)
        EmployeeRoutes(employees: EmployeeStore(pool: pool), assignments: assignments, access: access).register(on: router)
        ImportRoutes(importer: OrganisationImporter(pool: pool), access: access, limits: .standard).register(on: router)
        AuditRoutes(log: AuditLog(pool: pool), access: access).register(on: router)
        // SKP notifications go to the job queue once API depends on JobQueue; until then a workflow
        // step that must notify is refused (503) rather than committed without its job.
        SKPRoutes(store: SKPStore(pool: pool, notifier: .awaitingJobQueue), principals: AuthenticatorSKPPrincipals(auth: auth),
                  organisation: StoreSKPOrganisation(assignments: assignments),
                  rules: StoreSKPRules(ruleSets: RuleSetStore(pool: pool)), now: { Date() }).register(on: router)
        return router
    }
}
