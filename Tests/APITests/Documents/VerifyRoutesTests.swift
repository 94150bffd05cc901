import Foundation
import Persistence
import Postgres
import Runtime
import Testing
import TestSupport

/// `GET` and `POST /v1/verify/{code}` end to end: a document issued through `DocumentStore`,
/// checked over HTTP by someone who is not signed in.
@Suite struct VerifyRoutesTests {
    /// A tenant with one employee and one issued document; returns its code and bytes.
    private func issue(_ fixture: APIFixture, reference: UUID = UUID(), tenant: UUID? = nil, employee: UUID? = nil)
        throws -> (tenant: UUID, employee: UUID, document: StoredDocument, bytes: [UInt8]) {
        let tenant = try tenant ?? makeTenant()
        let employee = employee ?? UUID()
        let pool = fixture.service.pool
        try pool.transaction(tenant: tenant) { connection in
            try connection.query("""
                INSERT INTO employees (tenant_id, id, nip, name, type, status)
                VALUES (\(tenant), \(employee), \("198503122010011003"), \("Budi Santoso"), \("PNS"), \("aktif"))
                ON CONFLICT DO NOTHING
                """)
        }
        var bytes: [UInt8] = []
        let draft = DocumentDraft(kind: .evaluationPeriodic, subjectEmployeeID: employee, referenceID: reference,
                                  subjectName: "Budi Santoso", periodLabel: "1 Januari s.d. 31 Maret 2025")
        let document = try DocumentStore(pool: pool).issue(draft, id: UUID(), tenant: tenant, actor: .system("test"),
                                                           at: Date(timeIntervalSince1970: 1_743_984_000)) { code in
            // Stands in for a rendered evaluation: the API does not look inside the bytes.
            bytes = Array("%PDF-1.4\n% Evaluasi Kinerja Pegawai\n% Kode verifikasi: \(code)\n%%EOF\n".utf8)
            return bytes
        }
        return (tenant, employee, document, bytes)
    }

    private func makeTenant() throws -> UUID {
        let id = UUID()
        let slug = "v-" + id.uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let owner = try PostgresConnection(url: try PostgresTestDatabase.ownerURL())
        defer { owner.close() }
        try owner.query("""
            INSERT INTO tenants (id, slug, name, province, time_zone)
            VALUES (\(id), \(String(slug)), \("Kabupaten Verifikasi"), \("Jawa Tengah"), \("Asia/Jakarta"))
            """)
        return id
    }

    @Test func registeredCodeIsDescribedWithoutSignIn() async throws {
        let fixture = try APIFixture()
        let issued = try issue(fixture)
        let code = issued.document.verificationCode.text
        for path in ["/v1/verify/\(code)", "/v1/verify/\(code.lowercased())", "/v1/verify/\(code.replacingOccurrences(of: "-", with: ""))"] {
            let reply = try await fixture.client.get(path)
            #expect(reply.status == 200, "\(path)")
            let body = try reply.json()
            #expect(body["code"] as? String == code)
            #expect(body["kind"] as? String == "evaluation_periodic")
            #expect(body["document"] as? String == "Evaluasi Kinerja Pegawai Periodik")
            #expect(body["tenant"] as? String == "Kabupaten Verifikasi")
            #expect(body["subject"] as? String == "B*** S******")
            #expect(body["period"] as? String == "1 Januari s.d. 31 Maret 2025")
            #expect(body["sha256"] as? String == Runtime.SHA256.hex(issued.bytes))
            #expect(body["isCurrent"] as? Bool == true)
            #expect(body["version"] as? Int == 1)
        }
    }

    @Test func supersededVersionSaysSo() async throws {
        let fixture = try APIFixture()
        let reference = UUID()
        let first = try issue(fixture, reference: reference)
        let second = try issue(fixture, reference: reference, tenant: first.tenant, employee: first.employee)
        let old = try await fixture.client.get("/v1/verify/\(first.document.verificationCode)").json()
        #expect(old["isCurrent"] as? Bool == false)
        #expect((old["message"] as? String)?.contains("digantikan") == true)
        let new = try await fixture.client.get("/v1/verify/\(second.document.verificationCode)").json()
        #expect(new["isCurrent"] as? Bool == true)
        #expect(new["version"] as? Int == 2)
    }

    @Test func uploadedCopyMatchesAndATamperedOneDoesNot() async throws {
        let fixture = try APIFixture()
        let issued = try issue(fixture)
        let path = "/v1/verify/\(issued.document.verificationCode)"
        let same = try await fixture.client.send("POST", path, body: Data(issued.bytes), headers: ["Content-Type": "application/pdf"])
        #expect(same.status == 200)
        #expect(try same.json()["matches"] as? Bool == true)

        var tampered = issued.bytes
        tampered[tampered.count / 2] ^= 0x01
        let changed = try await fixture.client.send("POST", path, body: Data(tampered), headers: ["Content-Type": "application/pdf"])
        #expect(changed.status == 200)
        let body = try changed.json()
        #expect(body["matches"] as? Bool == false)
        #expect(body["sha256"] as? String == Runtime.SHA256.hex(issued.bytes))
        #expect(body["uploadedSha256"] as? String == Runtime.SHA256.hex(tampered))

        let empty = try await fixture.client.send("POST", path, body: Data(), headers: ["Content-Type": "application/pdf"])
        #expect(empty.status == 400)
    }

    @Test(arguments: ["ABCD-EF20", "ABCD-EFO3", "ABCD", "ABCD-EF23-X", "%27%3B--", "ABCDEFGHJ"])
    func malformedCodesAre400Problems(code: String) async throws {
        let fixture = try APIFixture()
        let reply = try await fixture.client.get("/v1/verify/\(code)")
        #expect(reply.status == 400)
        #expect(reply.header("Content-Type") == "application/problem+json")
        #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/bad-request")
    }

    @Test func unknownCodeIs404Problem() async throws {
        let fixture = try APIFixture()
        for method in ["GET", "POST"] {
            let reply = try await fixture.client.send(method, "/v1/verify/ZZZZ-ZZZ2", body: method == "POST" ? Data("x".utf8) : nil)
            #expect(reply.status == 404)
            #expect(reply.header("Content-Type") == "application/problem+json")
            #expect(try reply.json()["type"] as? String == "https://kinerja.go.id/problems/not-found")
        }
    }
}
