import Foundation
import Kinerja
import Persistence
import Postgres
import Runtime
import Testing
import TestSupport
import HTTP
import JobQueue
@testable import API

/// The evaluation routes over real HTTP on the SKP fixture's organisation, rule set, sessions and
/// injected `now` (`SKPAPIFixture`): one perangkat daerah with a head, a Pengawas, staff under
/// the Pengawas, and three more people under the head (an analyst, the tenant admin, the
/// pengelola kinerja). Document jobs go to the fixture's own queue.
final class EvaluationAPIFixture: Sendable {
    let base: SKPAPIFixture
    let server: HTTPServer
    let port: Int

    init(ruleSet slug: String, staff count: Int, now: Date) throws {
        base = try SKPAPIFixture(ruleSet: slug, staff: count, now: now)
        let identities = IdentityStore(pool: base.pool, hasher: PasswordHasher(iterations: 1000))
        let auth = Authenticator(identities: identities)
        let queue = JobQueue(pool: base.pool, configuration: JobQueue.Configuration(name: base.queueName), logger: .silent)
        let router = Router()
        EvaluationRoutes(store: EvaluationStore(pool: base.pool, documents: .enqueueing(on: queue)), auth: auth,
                         ruleSets: RuleSetStore(pool: base.pool), holidays: HolidayStore(pool: base.pool), now: { now },
                         idempotency: Idempotency(store: IdempotencyStore(pool: base.pool), auth: auth, now: { now }))
            .register(on: router)
        server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0, handlerThreads: 2, accessLog: false),
                            router: router)
        try server.start()
        port = server.boundPort
    }

    deinit {
        server.shutdown(deadline: .milliseconds(500))
    }

    /// Sends a request as `person` to the evaluation routes, with an optional JSON body.
    func send(_ method: String, _ path: String, as person: UUID?, json: Any? = nil) async throws -> (status: Int, body: [String: Any]) {
        try await base.send(method, path, as: person, json: json, port: port)
    }

    /// The evaluations of a period as the tenant admin sees them, by employee id (lower case).
    func evaluations(period: String) async throws -> [String: [String: Any]] {
        let reply = try await send("GET", "/v1/evaluation-periods/\(period)/evaluations?limit=200", as: base.admin)
        let items = try #require(reply.body["items"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["employeeId"] as? String).map { ($0, item) } })
    }

    /// The lower-case id.
    static func id(_ value: UUID) -> String { value.uuidString.lowercased() }
}
