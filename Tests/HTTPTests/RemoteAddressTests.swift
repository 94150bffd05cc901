import Foundation
import Testing
@testable import HTTP

extension ServerTests {
    @Suite struct RemoteAddresses {
        @Test func handlerSeesTheClientAddress() throws {
            try withServer(routes: { router in
                router.get("/whoami") { request in .text(request.remoteAddress) }
            }) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /whoami HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.status == 200)
                #expect(reply.text == "127.0.0.1")
            }
        }

        @Test func problemHeadersReachTheResponse() throws {
            try withServer(routes: { router in
                router.get("/private") { _ in
                    var problem = Problem(slug: "unauthorized", title: "Belum masuk", status: .unauthorized, detail: "x")
                    problem.headers.add(name: "WWW-Authenticate", value: "Bearer realm=\"kinerja\"")
                    throw problem
                }
            }) { server in
                let client = try TestClient(port: server.boundPort)
                let reply = try client.roundTrip("GET /private HTTP/1.1\r\nHost: t\r\n\r\n")
                #expect(reply.status == 401)
                #expect(reply.header("WWW-Authenticate") == "Bearer realm=\"kinerja\"")
            }
        }
    }
}
