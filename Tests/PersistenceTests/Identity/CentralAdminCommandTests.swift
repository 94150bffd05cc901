import Foundation
import Postgres
import Testing
import TestSupport
@testable import Persistence

@Suite struct CentralAdminCommandTests {
    private func run(_ arguments: [String], password: String?, stdin: String? = nil) throws -> (Int32, [String]) {
        var environment = ["KINERJA_MIGRATION_DATABASE_URL": try PostgresTestDatabase.ownerURL(),
                           "KINERJA_PASSWORD_PBKDF2_ITERATIONS": "1000"]
        environment["KINERJA_ADMIN_PASSWORD"] = password
        var lines: [String] = []
        let status = CentralAdminCommand.run(arguments: arguments, environment: environment, logger: .silent,
                                             readLine: { stdin }, output: { lines.append($0) },
                                             errorOutput: { lines.append($0) })
        return (status, lines)
    }

    @Test func createsOnceThenRefusesTheSameAddress() throws {
        let email = "pusat-\(UUID().uuidString.prefix(8).lowercased())@kinerja.go.id"
        let (created, _) = try run(["create", "--email", email], password: "kata sandi pusat yang panjang")
        #expect(created == 0)
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        let count = try owner.query("SELECT count(*)::int FROM central_admins WHERE email = \(email)").first?.decode(Int.self, at: 0)
        #expect(count == 1)
        let (again, _) = try run(["create", "--email", email], password: "kata sandi pusat yang panjang")
        #expect(again == 1)
    }

    @Test func thePasswordMayComeFromStandardInput() throws {
        let email = "pusat-\(UUID().uuidString.prefix(8).lowercased())@kinerja.go.id"
        let (status, _) = try run(["create", "--email", email], password: nil, stdin: "kata sandi dari stdin panjang")
        #expect(status == 0)
    }

    @Test(arguments: [["create"], ["delete", "--email", "a@b.go.id"], ["create", "--email", "a@b.go.id", "--x"]])
    func badUsageIsExitTwo(arguments: [String]) throws {
        #expect(try run(arguments, password: "kata sandi pusat yang panjang").0 == 2)
    }

    @Test func aWeakOrMissingPasswordIsRefused() throws {
        let email = "pusat-\(UUID().uuidString.prefix(8).lowercased())@kinerja.go.id"
        #expect(try run(["create", "--email", email], password: nil).0 == 1)
        #expect(try run(["create", "--email", email], password: "pendek").0 == 1)
    }
}
