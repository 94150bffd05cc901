import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Kinerja
import Persistence
import Postgres
import Runtime
import Testing
import TestSupport
import HTTP
import JobQueue
@testable import API

/// The SKP routes served over real HTTP against the test database, with one regency's small
/// organisation: a head (Administrator), a Pengawas under the head, staff (Pelaksana) under the
/// Pengawas. Everything is the production wiring — sessions through `Authenticator`, evaluators
/// through the organisation module's `AssignmentStore`, the rule set in force through
/// `RuleSetStore`, notifications through `JobQueue` (on a queue of its own, so no worker of
/// another test claims them).

final class SKPAPIFixture: Sendable {
    let tenant: UUID
    let perangkatDaerah: UUID
    let head: UUID
    let pengawas: UUID
    let staff: [UUID]
    let outsider: UUID
    let admin: UUID
    let pengelola: UUID
    let pool: PostgresPool
    let server: HTTPServer
    let port: Int
    let queueName = "skp-test-" + UUID().uuidString.prefix(8).lowercased()
    let tokens: [UUID: String]

    init(ruleSet slug: String, staff count: Int = 2, now: Date) throws {
        let url = try #require(TestEnvironment.databaseURL, "scripts/test sets KINERJA_TEST_DATABASE_URL")
        pool = PostgresPool(configuration: PostgresPool.Configuration(url: url, maxConnections: 4), logger: .silent)
        let tenant = UUID()
        self.tenant = tenant
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        let tenantSlug = "t-" + tenant.uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let timeZone = slug == "tanah-laut" ? "Asia/Makassar" : "Asia/Jakarta"
        try owner.query("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(tenant), \(String(tenantSlug)), 'Kabupaten Uji', 'Jawa Timur', \(timeZone))
            """)

        let pd = UUID(), unit = UUID()
        let headPost = UUID(), pengawasPost = UUID(), staffPost = UUID(), otherPost = UUID()
        let posts = [JabatanNode(id: headPost, name: "Kepala Bidang", kind: .administrator, superiorID: nil),
                     JabatanNode(id: pengawasPost, name: "Kepala Seksi", kind: .pengawas, superiorID: headPost),
                     JabatanNode(id: staffPost, name: "Pengolah Data", kind: .pelaksana, superiorID: pengawasPost),
                     JabatanNode(id: otherPost, name: "Analis", kind: .pelaksana, superiorID: headPost)]
        var people: [(UUID, String, UUID)] = []
        func person(_ name: String, _ post: UUID) -> UUID {
            let id = UUID()
            people.append((id, name, post))
            return id
        }
        head = person("Kepala Bidang", headPost)
        pengawas = person("Kepala Seksi", pengawasPost)
        staff = (0..<count).map { person(String(format: "Staf %02d", $0), staffPost) }
        outsider = person("Analis Lain", otherPost)
        admin = person("Admin BKPSDM", otherPost)
        pengelola = person("Pengelola Kinerja", otherPost)
        perangkatDaerah = pd
        let since = CivilDate(year: 2020, month: 1, day: 1) ?? CivilDate(daysSinceEpoch: 0)
        let assignments = people.compactMap { id, _, post in
            DateRange(from: since, until: nil).map { Assignment(id: UUID(), employeeID: id, jabatanID: post, kind: .definitif, period: $0) }
        }
        try pool.transaction(tenant: tenant) { c in
            try c.query("INSERT INTO perangkat_daerah (tenant_id, id, code, name) VALUES (\(tenant), \(pd), 'DISKOMINFO', 'Dinas Kominfo')")
            try c.query("""
                INSERT INTO unit_kerja (tenant_id, id, perangkat_daerah_id, code, name)
                VALUES (\(tenant), \(unit), \(pd), 'BID-TI', 'Bidang TI')
                """)
            for post in posts {
                try c.query("""
                    INSERT INTO jabatan (tenant_id, id, unit_kerja_id, superior_id, code, name, kind)
                    VALUES (\(tenant), \(post.id), \(unit), \(post.superiorID), \(String(post.id.uuidString.prefix(8))), \(post.name),
                            \(post.kind.rawValue))
                    """)
            }
            for (index, (id, name, _)) in people.enumerated() {
                try c.query("""
                    INSERT INTO employees (tenant_id, id, nip, name, type, status)
                    VALUES (\(tenant), \(id), \("1985031220100110" + String(format: "%02d", index + 1)), \(name), 'PNS', 'aktif')
                    """)
            }
            for assignment in assignments {
                try c.query("""
                    INSERT INTO assignments (tenant_id, id, employee_id, jabatan_id, kind, valid_from)
                    VALUES (\(tenant), \(assignment.id), \(assignment.employeeID), \(assignment.jabatanID), 'definitif', '2020-01-01')
                    """)
            }
        }

        // The seeded rule set, published for this tenant from 2020.
        let ruleSets = RuleSetStore(pool: pool)
        var document = try #require(try JSONSerialization.jsonObject(with: try SeededRuleSets.data(for: slug)) as? [String: Any])
        document["tenant"] = String(tenantSlug)
        let tenantValue = Tenant(id: tenant, slug: String(tenantSlug), name: "Kabupaten Uji", province: "Jawa Timur",
                                 timeZone: timeZone, active: true)
        let draft = try ruleSets.createDraft(tenant: tenantValue, document: try JSONSerialization.data(withJSONObject: document),
                                             by: .system("test"), at: now)
        _ = try ruleSets.publish(tenant: tenantValue, number: draft.number, validFrom: since, by: .system("test"), at: now)

        // One signed-in user per person; the pengelola kinerja and the admin hold granted roles.
        let identities = IdentityStore(pool: pool, hasher: PasswordHasher(iterations: 1000))
        var tokens: [UUID: String] = [:]
        for (index, (id, name, _)) in people.enumerated() {
            let roles: [Role] = id == pengelola ? [.pengelolaKinerja(perangkatDaerah: pd)] : id == admin ? [.tenantAdmin] : []
            let (user, _) = try identities.createUser(
                tenantID: tenant, NewUser(nip: "1985031220100120" + String(format: "%02d", index + 1), email: nil, name: name,
                                          employeeID: id, roles: roles),
                grantedBy: nil, invitationTTLSeconds: 600)
            tokens[id] = try identities.startSession(for: .tenantUser(tenantID: tenant, userID: user.id), ttlSeconds: 600).token.value
        }
        self.tokens = tokens

        let queue = JobQueue(pool: pool, configuration: JobQueue.Configuration(name: queueName), logger: .silent)
        let store = SKPStore(pool: pool, notifier: .enqueueing(on: queue))
        let router = Router()
        SKPRoutes(store: store, principals: AuthenticatorSKPPrincipals(auth: Authenticator(identities: identities)),
                  organisation: StoreSKPOrganisation(assignments: AssignmentStore(pool: pool)),
                  rules: StoreSKPRules(ruleSets: ruleSets), now: { now },
                  idempotency: Idempotency(store: IdempotencyStore(pool: pool), auth: Authenticator(identities: identities), now: { now }))
                  .register(on: router)
        // Execution (issue 5 item 2) works on the plans this fixture approves.
        ExecutionRoutes(store: ExecutionStore(pool: pool, notifier: .enqueueing(on: queue)),
                        principals: AuthenticatorSKPPrincipals(auth: Authenticator(identities: identities)),
                        rules: StoreSKPRules(ruleSets: ruleSets), now: { now },
                        idempotency: Idempotency(store: IdempotencyStore(pool: pool), auth: Authenticator(identities: identities),
                                                 now: { now }))
            .register(on: router)
        server = HTTPServer(configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0, handlerThreads: 2,
                                                                   accessLog: false),
                            router: router)
        try server.start()
        port = server.boundPort
    }

    deinit {
        server.shutdown(deadline: .milliseconds(500))
        pool.close()
    }

    /// Sends a request as `person` (nil: unauthenticated) with an optional JSON body, to this
    /// fixture's server or to another on `port` (a feature's own routes over the same sessions).
    func send(_ method: String, _ pathAndQuery: String, as person: UUID?, json: Any? = nil,
              port: Int? = nil) async throws -> (status: Int, body: [String: Any]) {
        let body = try json.map { Array(try JSONSerialization.data(withJSONObject: $0)) }
        let (status, _, data) = try await sendBytes(method, pathAndQuery, as: person, body: body,
                                                    contentType: json == nil ? nil : "application/json", port: port)
        return (status, data.isEmpty ? [:] : (try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]))
    }

    /// Sends raw bytes (an upload) or reads raw bytes (a download) as `person`, with the response headers.
    func sendBytes(_ method: String, _ pathAndQuery: String, as person: UUID?, body: [UInt8]? = nil,
                   contentType: String? = nil, port: Int? = nil) async throws -> (status: Int, headers: [String: String], data: Data) {
        let url = try #require(URL(string: "http://127.0.0.1:\(port ?? self.port)" + pathAndQuery))
        var request = URLRequest(url: url)
        request.httpMethod = method
        request.timeoutInterval = 10
        request.setValue("close", forHTTPHeaderField: "Connection")
        if let person, let token = tokens[person] { request.setValue("Bearer " + token, forHTTPHeaderField: "Authorization") }
        if let body { request.httpBody = Data(body) }
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = response as? HTTPURLResponse
        var headers: [String: String] = [:]
        for (key, value) in http?.allHeaderFields ?? [:] {
            if let key = key as? String, let value = value as? String { headers[key] = value }
        }
        return (http?.statusCode ?? 0, headers, data)
    }

    /// The kinds of the jobs this tenant's SKP changes queued, in order.
    func jobKinds() throws -> [String] {
        try pool.withConnection { c in
            try c.query("SELECT kind FROM jobs WHERE tenant_id = \(tenant) AND queue = \(queueName) ORDER BY id")
                .map { try $0.decode(String.self, at: 0) }
        }
    }

    /// A valid SKP content document as a client would send it.
    static func content(timeUnit: String, perilaku: [String]) -> [String: Any] {
        [
            "rhk": [[
                "id": UUID().uuidString, "kind": "utama", "text": "Tersedianya layanan data yang andal",
                "serves": ["perjanjianKinerja": "PK 2026 sasaran 2"],
                "iki": [
                    ["aspect": "kuantitas", "indicator": "Jumlah dataset yang diperbarui", "approach": "kuantitatif",
                     "targetValue": 24, "unit": "dataset"],
                    ["aspect": "waktu", "indicator": "Waktu pemutakhiran", "approach": "kuantitatif", "targetValue": 12,
                     "unit": timeUnit],
                ],
            ]],
            "perilaku": perilaku.map { ["aspect": $0] },
            "lampiran": ["resources": [["kind": "peralatan", "text": "Server basis data"]], "reportingSchedule": "bulanan",
                         "evidence": ["realisasi-progres", "realisasi-akhir"]],
        ]
    }
}
