import Foundation
import Persistence
import Postgres
import Testing
import TestSupport

/// Helpers of the rule-set API tests; users and tokens come from `IdentityWorld`.
enum RuleSetAPIFixture {
    /// Seeds the national holidays and the four rule sets (idempotent, safe when tests race).
    static func seed() throws {
        let pool = PostgresPool(configuration: .init(url: try PostgresTestDatabase.ownerURL(), maxConnections: 1),
                                logger: .silent)
        defer { pool.close() }
        _ = try Seeder(pool: pool, logger: .silent).run(at: Date())
    }

    /// A fresh tenant slug.
    static func slug() -> String { "kab-" + UUID().uuidString.lowercased().prefix(8) }

    /// The JSON object of a reply's member.
    static func object(_ value: Any?) throws -> [String: Any] {
        try #require(value as? [String: Any])
    }

    /// The `errors` of a problem reply as (pointer, code) pairs.
    static func fieldErrors(_ reply: APIClient.Reply) throws -> [(pointer: String, code: String)] {
        let errors = try #require(try reply.json()["errors"] as? [[String: Any]])
        return errors.map { ($0["pointer"] as? String ?? "", $0["code"] as? String ?? "") }
    }
}
