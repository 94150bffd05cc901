import Foundation

extension DemoOrganisationSeed {
    /// The DEMO logins as a table for the terminal (regency, role, login, password) and how to use them.
    public var loginTable: String {
        let rows = [["regency", "role", "login", "password"]]
            + accounts.map { [$0.regency ?? "(central)", $0.role.rawValue, $0.login, $0.password] }
        let widths = (0..<4).map { column in rows.map { $0[column].count }.max() ?? 0 }
        let lines = rows.map { row in
            zip(row, widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined(separator: "  ")
                .trimmingCharacters(in: .whitespaces)
        }
        return """
            DEMO LOGINS: demo data with published passwords; never seed --demo into production.
            \(lines.joined(separator: "\n"))
            Tenant users: POST /v1/tenants/{regency}/sessions {"login": "<NIP or e-mail>", "password": "..."}
            Central admin: POST /v1/admin/sessions {"login": "\(DemoOrganisationSeed.centralAdminEmail)", "password": "..."}
            Then send "Authorization: Bearer <token>", e.g. GET /v1/me.
            """
    }
}
