import Foundation
import HTTP
import JobQueue
import Persistence
import Postgres
import Runtime

/// Every route of kinerja-api, registered in one place.
public enum APIRoutes {
    /// A router with all routes, served from `pool`; `/readyz` is 503 whenever `readiness` is not ready;
    /// `now` is every route group's clock (the end-to-end tests move it across deadlines and objection windows).
    public static func makeRouter(pool: PostgresPool, metrics: HTTPMetrics, migrationsDirectory: String,
                                  logger: Logger, identity: IdentityConfiguration = IdentityConfiguration(),
                                  readiness: Readiness = Readiness(),
                                  now: @escaping @Sendable () -> Date = { Date() }) throws -> Router {
        let router = Router()
        let identities = IdentityStore(pool: pool, hasher: PasswordHasher(iterations: identity.passwordIterations))
        let organisation = OrganisationStore(pool: pool), assignments = AssignmentStore(pool: pool)
        // Route files that need a caller take this: `let who = try auth.principal(request)`.
        let auth = Authenticator(identities: identities, deriveRoles: OrganisationRoleDeriver(assignments: assignments).derive)
        let registry = TenantRegistryStore(pool: pool)
        // Creating POSTs honour Idempotency-Key (Sources/API/Idempotency).
        let idempotency = Idempotency(store: IdempotencyStore(pool: pool), auth: auth, now: now)
        SystemRoutes(pool: pool, metrics: metrics,
                     readiness: ReadinessCheck(pool: pool, migrationsDirectory: migrationsDirectory, serving: readiness, logger: logger),
                     openAPIDocument: try OpenAPIDocument.bytes()).register(on: router)
        TenantRoutes(tenants: TenantStore(pool: pool)).register(on: router)
        SessionRoutes(identities: identities, tenants: TenantStore(pool: pool), registry: registry, auth: auth,
                      throttle: LoginThrottle(store: LoginThrottleStore(pool: pool), configuration: identity),
                      configuration: identity, logger: logger).register(on: router)
        UserRoutes(identities: identities, auth: auth, configuration: identity, idempotency: idempotency).register(on: router)
        TenantAdminRoutes(registry: registry, identities: identities, auth: auth, configuration: identity,
                          idempotency: idempotency).register(on: router)
        VerifyRoutes(documents: DocumentStore(pool: pool)).register(on: router)
        let access = OrganisationAccess(auth: auth, assignments: assignments, organisation: organisation)
        OrganisationRoutes(organisation: organisation, access: access, idempotency: idempotency).register(on: router)
        EmployeeRoutes(employees: EmployeeStore(pool: pool), assignments: assignments, access: access,
                       idempotency: idempotency).register(on: router)
        ImportRoutes(importer: OrganisationImporter(pool: pool), access: access, limits: .standard).register(on: router)
        AuditRoutes(log: AuditLog(pool: pool), access: access).register(on: router)
        RuleSetAdminRoutes(ruleSets: RuleSetStore(pool: pool), simulator: RuleSetSimulator(pool: pool), registry: registry, auth: auth, now: now,
                           idempotency: idempotency).register(on: router)
        RuleSetRoutes(ruleSets: RuleSetStore(pool: pool), registry: registry, auth: auth, now: now).register(on: router)
        HolidayRoutes(holidays: HolidayStore(pool: pool), registry: registry, auth: auth, now: now,
                      idempotency: idempotency).register(on: router)
        DocumentRoutes(auth: auth, documents: DocumentStore(pool: pool), assignments: assignments,
                       organisation: organisation, now: now).register(on: router)
        NotificationRoutes(auth: auth, notifications: NotificationStore(pool: pool)).register(on: router)
        // SKP: state changes someone must hear about queue their notification job in the same transaction.
        SKPRoutes(store: SKPStore(pool: pool, notifier: .enqueueing(on: JobQueue(pool: pool, logger: logger))),
                  principals: AuthenticatorSKPPrincipals(auth: auth), organisation: StoreSKPOrganisation(assignments: assignments),
                  rules: StoreSKPRules(ruleSets: RuleSetStore(pool: pool)), now: now,
                  idempotency: idempotency).register(on: router)
        // Follow-up and dashboards (issue 5 items 5 and 7): read the evaluation tables, write rewards and windows.
        let followUp = FollowUpStore(pool: pool), ruleSource = StoreSKPRules(ruleSets: RuleSetStore(pool: pool))
        FollowUpRoutes(store: followUp, auth: auth, rules: ruleSource, now: now, idempotency: idempotency).register(on: router)
        DashboardRoutes(store: DashboardStore(pool: pool), periods: followUp, auth: auth, rules: ruleSource, now: now)
            .register(on: router)
        // Evaluation: finalising queues each evaluation's document job in the same transaction.
        EvaluationRoutes(store: EvaluationStore(pool: pool, documents: .enqueueing(on: JobQueue(pool: pool, logger: logger))),
                         auth: auth, ruleSets: RuleSetStore(pool: pool), holidays: HolidayStore(pool: pool), now: now,
                         idempotency: idempotency).register(on: router)
        // Execution of approved SKPs (issue 5 item 2): feedback, coaching and takeovers tell the employee.
        ExecutionRoutes(store: ExecutionStore(pool: pool, notifier: .enqueueing(on: JobQueue(pool: pool, logger: logger))),
                        principals: AuthenticatorSKPPrincipals(auth: auth), rules: StoreSKPRules(ruleSets: RuleSetStore(pool: pool)),
                        now: now, idempotency: idempotency).register(on: router)
        // Objections (keberatan): filing, hearing, decision; a changing decision re-issues the evaluation document.
        ObjectionRoutes(store: ObjectionStore(pool: pool, queue: JobQueue(pool: pool, logger: logger)), auth: auth,
                        rules: ObjectionRuleSource(ruleSets: RuleSetStore(pool: pool), holidays: HolidayStore(pool: pool)),
                        now: now, idempotency: idempotency).register(on: router)
        // Jobs of a tenant for its admins (issue 6, operations); retry and cancel are audited.
        JobRoutes(jobs: JobAdminStore(pool: pool, queue: JobQueue(pool: pool, logger: logger)), registry: registry,
                  auth: auth, now: now).register(on: router)
        return router
    }
}
