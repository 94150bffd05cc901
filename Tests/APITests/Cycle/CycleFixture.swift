import API
import Foundation
import Runtime
import Testing
import TestSupport

/// The whole performance cycle over the production API: kinerja-api assembled by `APIService`
/// (every route group through `APIRoutes.makeRouter`) against the test database, on the SKP
/// fixture's organisation (a head, a Pengawas, ten staff under the Pengawas and three more people
/// under the head: fifteen in one perangkat daerah, a distribution group whose rules block), its
/// published seeded rule set and its sessions. The routes read a clock the test moves across
/// deadlines and objection windows.
final class CycleFixture: Sendable {
    let org: SKPAPIFixture
    let service: APIService
    private let clock: ObjectionAPIFixture.Clock

    init(ruleSet slug: String, now: Date) throws {
        org = try SKPAPIFixture(ruleSet: slug, staff: 10, now: now)
        let clock = ObjectionAPIFixture.Clock(now)
        self.clock = clock
        let url = try #require(TestEnvironment.databaseURL, "KINERJA_TEST_DATABASE_URL is set by scripts/test")
        let configuration = try APIConfiguration.fromEnvironment([
            "KINERJA_DATABASE_URL": url, "KINERJA_HTTP_PORT": "0", "KINERJA_LOG_LEVEL": "warning",
            "KINERJA_HANDLER_THREADS": "2", "KINERJA_MIGRATIONS_DIR": APIFixture.migrationsDirectory,
        ], cores: 2)
        service = try APIService(configuration: configuration, logger: .silent, now: { clock.now })
        try service.start()
    }

    deinit { service.stop() }

    /// Moves the routes' clock.
    func set(now: Date) { clock.set(now) }

    /// Sends a request to kinerja-api as `person`, with an optional JSON body.
    func send(_ method: String, _ path: String, as person: UUID?, json: Any? = nil) async throws -> (status: Int, body: [String: Any]) {
        try await org.send(method, path, as: person, json: json, port: service.server.boundPort)
    }

    /// Sends or reads raw bytes (evidence uploads, the CSV export) as `person`.
    func sendBytes(_ method: String, _ path: String, as person: UUID?, body: [UInt8]? = nil,
                   contentType: String? = nil) async throws -> (status: Int, headers: [String: String], data: Data) {
        try await org.sendBytes(method, path, as: person, body: body, contentType: contentType, port: service.server.boundPort)
    }

    /// January's execution by the first staff member of the approved `skp`'s RHK: a realisation
    /// with a link and an uploaded PDF, then the Pengawas's feedback; the realisation's id.
    func executeJanuary(skp: String, rhk: String) async throws -> String {
        set(now: Self.at("2026-01-20T02:00:00Z"))
        let realisation = try await send("POST", "/v1/skp/\(skp)/realisations", as: org.staff[0],
                                         json: ["rhkID": rhk, "iki": 0, "value": 2, "links": ["https://data.example.go.id/januari"]])
        #expect(realisation.status == 201, "\(realisation.body)")
        let id = try #require(realisation.body["id"] as? String)
        let upload = try await sendBytes("POST", "/v1/realisations/\(id)/files?name=bukti.pdf", as: org.staff[0],
                                         body: Array("%PDF-1.4\nbukti dukung januari\n%%EOF".utf8), contentType: "application/pdf")
        #expect(upload.status == 201)
        let feedback = try await send("POST", "/v1/skp/\(skp)/feedback", as: org.pengawas,
                                      json: ["kind": "berkala", "rhkID": rhk, "text": "Target Januari tercapai"])
        #expect(feedback.status == 201 && feedback.body["relation"] as? String == "pimpinan")
        let listed = try await send("GET", "/v1/skp/\(skp)/realisations?period=2026-01-20", as: org.pengawas)
        #expect(((listed.body["items"] as? [[String: Any]])?.first?["files"] as? [Any])?.count == 1)
        return id
    }

    /// A period's evaluation ids by employee, as the tenant admin lists them.
    func evaluations(period: String) async throws -> [UUID: String] {
        let items = try #require(try await send("GET", "/v1/evaluation-periods/\(period)/evaluations?limit=200",
                                                as: org.admin).body["items"] as? [[String: Any]])
        return Dictionary(uniqueKeysWithValues: items.compactMap { item in
            (item["employeeId"] as? String).flatMap(UUID.init(uuidString:)).flatMap { e in (item["id"] as? String).map { (e, $0) } }
        })
    }

    /// The period's TPP export as the tenant admin downloads it: each employee's row by id (a row
    /// starts with the quoted NIP), every employee of the tenant listed once after the header.
    func tppRows(period: String) async throws -> [UUID: String] {
        let csv = try await sendBytes("GET", "/v1/evaluation-periods/\(period)/tpp.csv", as: org.admin)
        #expect(csv.status == 200 && csv.headers["Content-Type"] == "text/csv; charset=utf-8")
        let lines = String(decoding: csv.data, as: UTF8.self).components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let nips = try org.pool.transaction(tenant: org.tenant, readOnly: true) { c in
            try c.query("SELECT id, nip FROM employees").map { try $0.decode((UUID, String).self) }
        }
        #expect(lines.count == nips.count + 1)
        return Dictionary(uniqueKeysWithValues: nips.compactMap { id, nip in lines.first { $0.hasPrefix("\"\(nip)\",") }.map { (id, $0) } })
    }

    /// An instant from its ISO 8601 text.
    static func at(_ text: String) -> Date { ISO8601DateFormatter().date(from: text) ?? .distantPast }

    /// The lower-case id.
    static func id(_ value: UUID) -> String { value.uuidString.lowercased() }
}

/// A refusal as the issue asks for it: problem+json with its status, its stable type and `code`
/// member, and the rule and the article that refused it, in the `basis` member {regulation,
/// article} and at the end of the Indonesian detail. `article` nil: the rule set cites the
/// regulation without an article (the seeds give none, e.g. PermenPANRB 6/2022 for Karawang and
/// Demak, SE MenPANRB 3/2023), which is asserted too, so an article appearing or vanishing is noticed.
func expectRefusal(_ reply: (status: Int, body: [String: Any]), _ status: Int, _ code: String,
                   regulation: String, article: String?, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(reply.status == status, "\(reply.body)", sourceLocation: sourceLocation)
    #expect(reply.body["type"] as? String == "https://kinerja.go.id/problems/" + code, "\(reply.body)", sourceLocation: sourceLocation)
    #expect(reply.body["code"] as? String == code, "\(reply.body)", sourceLocation: sourceLocation)
    let basis = reply.body["basis"] as? [String: Any]
    #expect(basis?["regulation"] as? String == regulation, "\(reply.body)", sourceLocation: sourceLocation)
    #expect(basis?["article"] as? String == article, "\(reply.body)", sourceLocation: sourceLocation)
    let detail = reply.body["detail"] as? String ?? ""
    let citation = article.map { regulation + " " + $0 } ?? regulation
    #expect(detail.hasSuffix("(" + citation + ")"), "\(detail)", sourceLocation: sourceLocation)
}
