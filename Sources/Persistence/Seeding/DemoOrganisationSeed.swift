import Foundation
import Kinerja
import Postgres
import Runtime

/// `kinerja seed --demo`: a demo organisation per regency (`DemoOrganisation`: about 300 employees
/// with their posts and evaluators) and DEMO logins for each role (`DemoAccount`), plus one
/// central admin. Never part of `Seeder.standardSteps`: production must not get demo people.
///
/// The organisation goes through `OrganisationImporter`, the same validated path as a regency's
/// own CSV export. Idempotent: a tenant that has any perangkat daerah (the demo's, marked by
/// `BKPSDM`, or its own) gets no organisation import, and an account is created only when its
/// login is still free and its employee is the demo's (same NIP and name), so a re-run adds
/// nothing and demo logins never attach to a real organisation's people.
public struct DemoOrganisationSeed: SeedStep {
    /// Who the seed acts as in the audit log.
    public static let actor = AuditActor.system("kinerja-seed-demo")
    /// The seeded central admin's login.
    public static let centralAdminEmail = "admin.pusat@demo.kinerja.test"

    /// The regencies to seed.
    public let regencies: [DemoRegency]
    /// The central admin to create; nil for none.
    public let centralAdmin: String?
    /// Hashes the demo passwords.
    public let hasher: PasswordHasher

    /// A step seeding `regencies` and the central admin `centralAdmin`.
    public init(regencies: [DemoRegency] = DemoRegency.seeded, centralAdmin: String? = DemoOrganisationSeed.centralAdminEmail,
                hasher: PasswordHasher = PasswordHasher()) {
        self.regencies = regencies
        self.centralAdmin = centralAdmin
        self.hasher = hasher
    }

    /// `demo-organisation`.
    public var name: String { "demo-organisation" }

    /// Every DEMO login of the step, regency by regency, the central admin last.
    public var accounts: [DemoAccount] {
        regencies.flatMap { DemoOrganisation(regency: $0).accounts }
            + (centralAdmin.map { [DemoAccount(regency: nil, role: .centralAdmin, login: $0, name: "Admin Pusat (DEMO)")] } ?? [])
    }

    /// Seeds each active regency, then the central admin; reports what it created.
    public func run(pool: PostgresPool, at instant: Date) throws -> [String] {
        let tenants = TenantStore(pool: pool)
        let identities = IdentityStore(pool: pool, hasher: hasher)
        var report: [String] = []
        for regency in regencies {
            guard let tenant = try tenants.activeTenant(slug: regency.slug) else {
                report.append("demo \(regency.slug): no active tenant, skipped")
                continue
            }
            let organisation = DemoOrganisation(regency: regency)
            if try !hasOrganisation(pool, tenant.id) {
                let started = Date()
                let today = CivilDate(instant: instant, in: TimeZone(identifier: tenant.timeZone) ?? .gmt)
                try importOrganisation(organisation, pool: pool, tenant: tenant.id, today: today)
                let seconds = String(format: "%.1f", Date().timeIntervalSince(started))
                report.append("demo \(regency.slug): organisation imported (\(organisation.people.count) employees, "
                              + "\(organisation.jabatan.count) jabatan, \(organisation.units.count) units) in \(seconds) s")
            }
            var created = 0
            for account in organisation.accounts {
                if try createAccount(account, pool: pool, identities: identities, tenant: tenant.id) { created += 1 }
            }
            if created > 0 { report.append("demo \(regency.slug): \(created) demo users created") }
        }
        if let email = centralAdmin, try identities.centralAdminCredential(email: email) == nil {
            _ = try identities.createCentralAdmin(email: email, password: DemoAccount.Role.centralAdmin.password, name: "Admin Pusat (DEMO)")
            report.append("demo: central admin \(email) created")
        }
        return report
    }

    private func hasOrganisation(_ pool: PostgresPool, _ tenant: UUID) throws -> Bool {
        try pool.transaction(tenant: tenant, readOnly: true) { c in
            try c.query("SELECT EXISTS (SELECT 1 FROM perangkat_daerah)").first?.decode(Bool.self, at: 0) ?? false
        }
    }

    private func importOrganisation(_ organisation: DemoOrganisation, pool: PostgresPool, tenant: UUID, today: CivilDate) throws {
        let importer = OrganisationImporter(pool: pool)
        let files: [(ImportKind, String)] = [(.units, organisation.unitsCSV), (.jabatan, organisation.jabatanCSV),
                                             (.employees, organisation.employeesCSV), (.assignments, organisation.assignmentsCSV)]
        for (kind, csv) in files {
            let report = try importer.run(kind, csv: Array(csv.utf8), tenant: tenant, actor: Self.actor, today: today, dryRun: false)
            // The files are generated, so an issue is a bug in the generator: stop and say where.
            guard report.isValid else {
                let first = report.issues.prefix(3).map { "line \($0.line) \($0.column ?? ""): \($0.code) \($0.message)" }
                throw DemoSeedError(description: "demo \(organisation.regency.slug): \(kind.rawValue) import refused: "
                                    + first.joined(separator: "; "))
            }
        }
    }

    /// Creates the user of `account` with its DEMO password; false when the login is taken or the
    /// employee is not the demo's.
    private func createAccount(_ account: DemoAccount, pool: PostgresPool, identities: IdentityStore, tenant: UUID) throws -> Bool {
        guard let login = LoginName(account.login), try identities.tenantCredential(tenantID: tenant, login: login) == nil else { return false }
        let found = try pool.transaction(tenant: tenant, readOnly: true) { c -> (employee: UUID?, perangkatDaerah: UUID?) in
            let employee = try c.query("SELECT id, name FROM employees WHERE nip = \(account.employeeNIP)").first
                .map { try $0.decode((UUID, String).self) }
            let pd = try account.managesPerangkatDaerah.flatMap { code in
                try c.query("SELECT id FROM perangkat_daerah WHERE code = \(code)").first?.decode(UUID.self, at: 0)
            }
            return (employee?.1 == account.name ? employee?.0 : nil, pd)
        }
        guard let employee = found.employee else { return false }
        var roles: [Role] = []
        switch account.role {
        case .tenantAdmin: roles = [.tenantAdmin]
        case .pengelolaKinerja:
            guard let pd = found.perangkatDaerah else { return false }
            roles = [.pengelolaKinerja(perangkatDaerah: pd)]
        case .evaluator, .evaluatorSuperior, .employee, .centralAdmin: break
        }
        let user = NewUser(nip: account.logsInByEmail ? nil : account.login, email: account.logsInByEmail ? account.login : nil,
                           name: account.name, employeeID: employee, roles: roles)
        let (_, invitation) = try identities.createUser(tenantID: tenant, user, grantedBy: nil, invitationTTLSeconds: 3600)
        // The invitation is used at once: demo users log in with the published password.
        try identities.completeOneTimeToken(invitation.token, newPassword: account.password)
        return true
    }
}
