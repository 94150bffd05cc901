import Foundation
import HTTP
import JobQueue
import Kinerja
import Persistence
import Postgres
import Runtime
import Synchronization
import Testing
import TestSupport
@testable import API

/// The objection routes over real HTTP on the SKP fixture's organisation (a head, a Pengawas under
/// the head, staff under the Pengawas; the seeded rule set published for a test tenant; one session
/// per person), with a clock a test sets to file on a given day. Evaluations are inserted final,
/// directly into the 0015 tables, so these tests depend on no other evaluation code.
final class ObjectionAPIFixture: Sendable {
    let org: SKPAPIFixture
    let server: HTTPServer
    let port: Int
    let queueName = "objection-test-" + UUID().uuidString.prefix(8).lowercased()
    /// The routes' clock: a test moves it to file or decide on a given day.
    final class Clock: Sendable {
        private let state: Mutex<Date>
        init(_ now: Date) { state = Mutex(now) }
        var now: Date { state.withLock { $0 } }
        func set(_ date: Date) { state.withLock { $0 = date } }
    }

    private let clock: Clock
    private let period = UUID()

    /// The evaluated employee (a Pelaksana), their evaluator (the Pengawas) and the decider (the head).
    var employee: UUID { org.staff[0] }
    var evaluator: UUID { org.pengawas }
    var decider: UUID { org.head }

    init(ruleSet slug: String, model: String = "quadrant", now: Date) throws {
        org = try SKPAPIFixture(ruleSet: slug, now: now)
        clock = Clock(now)
        let (tenant, pool, period, perangkatDaerah, admin) = (org.tenant, org.pool, period, org.perangkatDaerah, org.admin)
        try pool.transaction(tenant: tenant) { c in
            let slug = try c.query("SELECT slug FROM tenants WHERE id = \(tenant)").first?.decode(String.self, at: 0) ?? "?"
            try c.query("""
                INSERT INTO evaluation_periods (tenant_id, id, kind, cadence, year, starts_on, ends_on, rule_set_version, model, opened_at)
                VALUES (\(tenant), \(period), 'annual', 'annual', 2025, '2025-01-01', '2025-12-31', \(slug + "@1"), \(model), \(now))
                """)
            try c.query("""
                INSERT INTO evaluation_groups (tenant_id, period_id, scope, scope_id, finalised_by, finalised_at)
                VALUES (\(tenant), \(period), 'perangkat-daerah', \(perangkatDaerah), \(admin), \(now))
                """)
        }
        let queueName0 = queueName
        let identities = IdentityStore(pool: pool, hasher: PasswordHasher(iterations: 1000))
        let auth = Authenticator(identities: identities)
        let clock = self.clock
        let now: @Sendable () -> Date = { clock.now }
        let router = Router()
        ObjectionRoutes(store: ObjectionStore(pool: pool, queue: JobQueue(pool: pool, configuration: .init(name: queueName0),
                                                                          logger: .silent)),
                        auth: auth, rules: ObjectionRuleSource(ruleSets: RuleSetStore(pool: pool), holidays: HolidayStore(pool: pool)),
                        now: now, idempotency: Idempotency(store: IdempotencyStore(pool: pool), auth: auth, now: now))
            .register(on: router)
        server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0, handlerThreads: 2, accessLog: false),
                            router: router)
        try server.start()
        port = server.boundPort
    }

    deinit {
        server.shutdown(deadline: .milliseconds(500))
    }

    /// Sets the routes' clock.
    func set(now: Date) { clock.set(now) }

    /// Inserts a final evaluation of `employee` (quadrant ratings or weighted scores), finalised at
    /// `finalisedAt`, and returns its id.
    func finalEvaluation(of employee: UUID? = nil, hasilKerja: Rating = .diBawahEkspektasi,
                         perilakuKerja: Rating = .sesuaiEkspektasi, scores: WeightedModelInput? = nil, nilai: Decimal? = nil,
                         predikat: String = "butuh-perbaikan", finalisedAt: Date, decider: UUID?? = .none) throws -> UUID {
        let id = UUID()
        let weighted = scores != nil
        try org.pool.transaction(tenant: org.tenant) { c in
            try c.query("""
                INSERT INTO evaluations (tenant_id, id, period_id, employee_id, evaluator_id, evaluator_superior_id,
                                         perangkat_daerah_id, group_id, status, hasil_kerja_rating, perilaku_kerja_rating,
                                         scores, nilai, predikat, explanation, recommendation, rated_by, rated_at,
                                         finalised_at, created_at, updated_at)
                VALUES (\(org.tenant), \(id), \(period), \(employee ?? self.employee), \(evaluator), \(decider ?? self.decider),
                        \(org.perangkatDaerah), \(org.perangkatDaerah), 'final',
                        \(weighted ? nil : hasilKerja.rawValue), \(weighted ? nil : perilakuKerja.rawValue),
                        \(try scores.map { try PostgresJSONB(encoding: $0) }), \(nilai), \(predikat), '{"steps": []}'::jsonb,
                        'Ikuti pelatihan pengelolaan data', \(evaluator), \(finalisedAt), \(finalisedAt), \(finalisedAt), \(finalisedAt))
                """)
        }
        return id
    }

    /// The evaluation row as the decision left it.
    func evaluationRow(_ id: UUID) throws -> (version: Int, predikat: String, hasilKerja: String?, recommendation: String?,
                                              explanation: String) {
        try org.pool.transaction(tenant: org.tenant, readOnly: true) { c in
            let row = try #require(try c.query("""
                SELECT version, predikat, hasil_kerja_rating, recommendation, explanation::text FROM evaluations WHERE id = \(id)
                """).first)
            return try row.decode((Int, String, String?, String?, String).self)
        }
    }

    /// The jobs the objection routes queued for this tenant: kind, unique key and arguments, in order.
    func jobs() throws -> [(kind: String, uniqueKey: String, args: [String: Any])] {
        try org.pool.withConnection { c in
            try c.query("SELECT kind, unique_key, args::text FROM jobs WHERE tenant_id = \(org.tenant) AND queue = \(queueName) ORDER BY id")
                .map { row in
                    let (kind, key, args) = try row.decode((String, String, String).self)
                    let object = try JSONSerialization.jsonObject(with: Data(args.utf8)) as? [String: Any] ?? [:]
                    return (kind, key, object)
                }
        }
    }

    /// Sends to the objection routes as `person`.
    func send(_ method: String, _ path: String, as person: UUID?, json: Any? = nil) async throws -> (status: Int, body: [String: Any]) {
        try await org.send(method, path, as: person, json: json, port: port)
    }
}
