import Foundation
import HTTP
import Kinerja
import Persistence

/// Dashboards as API (issue 5 item 7): a period's SKP and evaluation completion, predikat against
/// the distribution pattern, objections and overdue evaluators, with exclusions counted by reason.
/// The tenant view is for the tenant admin; a unit view also for that unit's pengelola kinerja.
struct DashboardRoutes {
    let store: DashboardStore
    let periods: FollowUpStore
    let auth: Authenticator
    let rules: StoreSKPRules
    let now: @Sendable () -> Date

    func register(on router: Router) {
        router.get("/v1/dashboard/periods/:id") { request in try dashboard(request, unit: nil) }
        router.get("/v1/dashboard/periods/:id/units/:perangkatDaerahId") { request in
            guard let unit = request.parameter("perangkatDaerahId").flatMap(UUID.init(uuidString:)) else { throw Problem.notFound() }
            return try dashboard(request, unit: unit)
        }
    }

    /// `GET /v1/dashboard/periods/{id}[/units/{perangkatDaerahId}]`.
    func dashboard(_ request: Request, unit: UUID?) throws -> Response {
        let caller = try FollowUpCaller(try auth.principal(request))
        try caller.require(unit.map(FollowUpScope.perangkatDaerah) ?? .tenant)
        let id = try FollowUpRoutes.id(request)
        guard let period = try periods.period(tenant: caller.tenantID, id: id) else { throw FollowUpStoreError.periodNotFound }
        let ruleSet = try rules.ruleSet(tenant: caller.tenantID, on: period.end).ruleSet
        return try Response.json(try store.dashboard(tenant: caller.tenantID, period: id, perangkatDaerah: unit,
                                                     distribution: ruleSet.evaluation.distribution, now: now()))
    }
}
