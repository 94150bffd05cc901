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
