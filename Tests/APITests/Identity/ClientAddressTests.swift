import Foundation
import HTTP
import Testing
@testable import API

@Suite struct ClientAddressTests {
    static let proxies = ClientAddress(trustedProxies: ["10.0.0.2", "10.0.0.3"])

    @Test(arguments: [
        ("192.0.2.7", nil, "192.0.2.7"),                                  // direct client: its own address
        ("192.0.2.7", "198.51.100.1", "192.0.2.7"),                       // untrusted peer: header ignored
        ("10.0.0.2", "203.0.113.5", "203.0.113.5"),                       // through the ingress
        ("10.0.0.2", "1.1.1.1, 203.0.113.5", "203.0.113.5"),              // forged left entry ignored
        ("10.0.0.2", "203.0.113.5, 10.0.0.3", "203.0.113.5"),             // two proxies
        ("10.0.0.2", nil, "10.0.0.2"),                                    // proxy without header
    ] as [(String, String?, String)])
    func resolves(peer: String, forwarded: String?, expected: String) {
        var headers = HTTPHeaders()
        if let forwarded { headers.add(name: "X-Forwarded-For", value: forwarded) }
        let request = Request(method: .post, path: "/", headers: headers, remoteAddress: peer)
        #expect(Self.proxies.of(request) == expected)
    }

    @Test func throttlingCountsTheForwardedClient() async throws {
        let world = try IdentityWorld(["KINERJA_TRUSTED_PROXIES": "127.0.0.1", "KINERJA_LOGIN_MAX_FAILURES_PER_ADDRESS": "2"])
        func attempt(from client: String) async throws -> Int {
            try await world.client.send("POST", "/v1/tenants/\(world.slug)/sessions",
                                        body: IdentityWorld.json(["login": "tidak.ada@example.go.id", "password": "salah"]),
                                        headers: ["X-Forwarded-For": client]).status
        }
        let client = "203.0.113.\(Int.random(in: 1...250))"
        #expect(try await attempt(from: client) == 401)
        #expect(try await attempt(from: client) == 401)
        #expect(try await attempt(from: client) == 429)
        #expect(try await attempt(from: "198.51.100.\(Int.random(in: 1...250))") == 401)
    }
}
