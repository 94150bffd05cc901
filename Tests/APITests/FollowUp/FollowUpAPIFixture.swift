import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import HTTP
import Kinerja
import Persistence
import Postgres
import Runtime
import Synchronization
import Testing
import TestSupport
@testable import API

/// The follow-up and dashboard routes over real HTTP, on the SKP fixture's organisation (a head,
/// a Pengawas, staff, an outsider, a tenant admin and a pengelola kinerja, each signed in; the
/// seeded rule set published) plus a functional official, with an annual period of the evaluation
/// tables written by direct INSERTs, as the evaluation core would have left them:
///
/// | person     | status   | predikat      | notes                                             |
/// |------------|----------|---------------|---------------------------------------------------|
/// | staff 0    | final    | sangat-baik   | approved SKP                                      |
/// | staff 1    | final    | baik          | objection filed, decision overdue; draft SKP      |
/// | staff 2    | final    | kurang        | pelaksana: opens an improvement window            |
/// | staff 3    | rated    | baik          | not final                                         |
/// | head       | final    | baik          |                                                   |
/// | pengawas   | pending  | —             | assessment due 2027-01-10, evaluator the head     |
/// | fungsional | final    | baik          | Ahli Muda: 25 credit points                       |
/// | outsider   | excluded | —             | tugas belajar                                     |
///
/// Finalised 2027-01-15 10:00 WIB; the clock starts at 2027-01-20 and tests may move it.
final class FollowUpAPIFixture: Sendable {
    let base: SKPAPIFixture
    let period: UUID
    let fungsional: UUID
    let evaluations: [UUID: UUID]
    let server: HTTPServer
    let clock: Clock

    /// The time the routes read; tests move it.
    final class Clock: Sendable {
        let value: Mutex<Date>
        init(_ date: Date) { value = Mutex(date) }
        func read() -> Date { value.withLock { $0 } }
    }

    /// An instant from ISO 8601 text (UTC), for readable fixtures.
    static func instant(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text) ?? Date(timeIntervalSince1970: 0)
    }

    init(staff count: Int = 4) throws {
        let now = Self.instant("2027-01-20T02:00:00Z")
        base = try SKPAPIFixture(ruleSet: "karawang", staff: count, now: now)
        clock = Clock(now)
        let f = base
        let period = UUID(), fungsional = UUID()
        self.period = period
        self.fungsional = fungsional
        let finalised = Self.instant("2027-01-15T03:00:00Z")
        var evaluations: [UUID: UUID] = [:]
        try f.pool.transaction(tenant: f.tenant) { c in
            // A functional official (Ahli Muda) under the head.
            let post = UUID(), unit = try c.query("SELECT id FROM unit_kerja LIMIT 1").first?.decode(UUID.self, at: 0)
            let headPost = try c.query("SELECT jabatan_id FROM assignments WHERE employee_id = \(f.head)").first?.decode(UUID.self, at: 0)
            try c.query("""
                INSERT INTO jabatan (tenant_id, id, unit_kerja_id, superior_id, code, name, kind, jenjang)
                VALUES (\(f.tenant), \(post), \(unit), \(headPost), 'PRANATA-KOM', 'Pranata Komputer Ahli Muda', 'fungsional', 'ahli-muda')
                """)
            try c.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status)
                VALUES (\(f.tenant), \(fungsional), '198503122010011099', 'Pranata Komputer', 'PNS', 'aktif')
                """)
            try c.query("""
                INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from)
                VALUES (\(f.tenant), \(UUID()), \(fungsional), \(post), 'definitif', '2020-01-01')
                """)
            try c.query("""
                INSERT INTO evaluation_periods (tenant_id, id, kind, cadence, year, starts_on, ends_on, rule_set_version, model, opened_at)
                VALUES (\(f.tenant), \(period), 'annual', 'annual', 2026, '2026-01-01', '2026-12-31', 'uji@1', 'quadrant', \(finalised))
                """)
            try c.query("""
                INSERT INTO evaluation_groups (tenant_id, period_id, scope, scope_id, capaian, capaian_set_at)
                VALUES (\(f.tenant), \(period), 'perangkat-daerah', \(f.perangkatDaerah), 'baik', \(finalised))
                """)
            let rows: [(UUID, String, String?, UUID?)] = [
                (f.staff[0], "final", "sangat-baik", f.pengawas), (f.staff[1], "final", "baik", f.pengawas),
                (f.staff[2], "final", "kurang", f.pengawas), (f.staff[3], "rated", "baik", f.pengawas),
                (f.head, "final", "baik", nil), (f.pengawas, "pending", nil, f.head), (fungsional, "final", "baik", f.head),
                (f.outsider, "excluded", nil, f.head),
            ]
            for (employee, status, predikat, evaluator) in rows {
                let id = UUID()
                evaluations[employee] = id
                let reasons = status == "excluded"
                    ? PostgresJSONB(rawJSON: #"[{"code":"exempt-status","message":"Tugas belajar","basis":{"regulation":"Perbup Karawang 28/2024","article":"Pasal 4"}}]"#)
                    : nil
                try c.query("""
                    INSERT INTO evaluations (tenant_id, id, period_id, employee_id, evaluator_id, perangkat_daerah_id, group_id, status,
                                             excluded_reasons, assessment_due_at, predikat, rated_at, finalised_at, created_at, updated_at)
                    VALUES (\(f.tenant), \(id), \(period), \(employee), \(evaluator), \(f.perangkatDaerah), \(f.perangkatDaerah),
                            \(status), \(reasons), \(status == "pending" ? Self.instant("2027-01-10T16:59:59Z") : nil), \(predikat),
                            \(predikat == nil ? nil : finalised), \(status == "final" ? finalised : nil), \(finalised), \(finalised))
                    """)
            }
            try c.query("""
                INSERT INTO objections (tenant_id, id, evaluation_id, employee_id, decider_id, reasons, document_received_at, filed_at,
                                        filing_deadline, decision_due_at, status)
                VALUES (\(f.tenant), \(UUID()), \(evaluations[f.staff[1]]), \(f.staff[1]), \(f.head), 'Nilai tidak sesuai',
                        \(finalised), \(finalised), \(Self.instant("2027-02-05T16:59:59Z")), \(Self.instant("2027-01-19T16:59:59Z")), 'filed')
                """)
            // SKP of 2026: staff 0 approved, staff 1 a draft; the rest have none.
            for (employee, status) in [(f.staff[0], "approved"), (f.staff[1], "draft")] {
                let skp = UUID()
                try c.query("""
                    INSERT INTO skp (tenant_id, id, employee_id, year, start_month, evaluator_id, perangkat_daerah_id, rule_set_version,
                                     created_at, updated_at)
                    VALUES (\(f.tenant), \(skp), \(employee), 2026, 1, \(f.pengawas), \(f.perangkatDaerah), 'uji@1', \(finalised), \(finalised))
                    """)
                try c.query("""
                    INSERT INTO skp_revisions (tenant_id, skp_id, revision, status, lampiran, created_at, approved_at)
                    VALUES (\(f.tenant), \(skp), 1, \(status), '{}'::jsonb, \(finalised), \(status == "approved" ? finalised : nil))
                    """)
            }
        }
        self.evaluations = evaluations

        let router = Router()
        let identities = IdentityStore(pool: f.pool, hasher: PasswordHasher(iterations: 1000))
        let auth = Authenticator(identities: identities)
        let rules = StoreSKPRules(ruleSets: RuleSetStore(pool: f.pool))
        let clock = self.clock
        let read: @Sendable () -> Date = { clock.read() }
        let store = FollowUpStore(pool: f.pool)
        FollowUpRoutes(store: store, auth: auth, rules: rules, now: read,
                       idempotency: Idempotency(store: IdempotencyStore(pool: f.pool), auth: auth, now: read)).register(on: router)
        DashboardRoutes(store: DashboardStore(pool: f.pool), periods: store, auth: auth, rules: rules, now: read).register(on: router)
        server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0, handlerThreads: 2, accessLog: false),
                            router: router)
        try server.start()
    }

    deinit { server.shutdown(deadline: .milliseconds(500)) }

    /// Moves the clock the routes read.
    func set(now: Date) { clock.value.withLock { $0 = now } }

    /// Sends a request as `person` (or with `token`) and answers the status, the content type and the raw body.
    func raw(_ method: String, _ pathAndQuery: String, as person: UUID?, token: String? = nil, json: Any? = nil) async throws
        -> (status: Int, contentType: String?, body: Data) {
        let url = try #require(URL(string: "http://127.0.0.1:\(server.boundPort)" + pathAndQuery))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 10
        request.setValue("close", forHTTPHeaderField: "Connection")
        if let token = token ?? person.flatMap({ base.tokens[$0] }) {
            request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization")
        }
        if let json {
            request.httpBody = try JSONSerialization.data(withJSONObject: json)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        return (http?.statusCode ?? 0, http?.value(forHTTPHeaderField: "Content-Type"), data)
    }

    /// Sends a request and parses the JSON answer.
    func send(_ method: String, _ pathAndQuery: String, as person: UUID?, json: Any? = nil) async throws
        -> (status: Int, body: [String: Any]) {
        let answer = try await raw(method, pathAndQuery, as: person, json: json)
        let body = answer.body.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: answer.body) as? [String: Any] ?? [:])
        return (answer.status, body)
    }

    /// The period's path prefix.
    var periodPath: String { "/v1/evaluation-periods/" + period.uuidString.lowercased() }
    /// The perangkat daerah id as the API writes it.
    var unit: String { base.perangkatDaerah.uuidString.lowercased() }
}
