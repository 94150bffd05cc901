/// A demo login: who it is, how to log in and the published DEMO password.
public struct DemoAccount: Sendable, Equatable {
    /// What the account demonstrates.
    public enum Role: String, Sendable, CaseIterable {
        /// A BKPSDM employee with the tenant admin role, logging in by e-mail.
        case tenantAdmin = "tenant admin (BKPSDM)"
        /// The Kepala Bidang above the demo evaluator.
        case evaluatorSuperior = "atasan pejabat penilai"
        /// A Kepala Subbidang of BKPSDM evaluating ten staff.
        case evaluator = "pejabat penilai (evaluator)"
        /// One of the evaluator's staff.
        case employee = "pegawai (employee)"
        /// A Dinas Pendidikan employee granted pengelola kinerja of that perangkat daerah.
        case pengelolaKinerja = "pengelola kinerja (Dinas Pendidikan)"
        /// The platform operator, of no tenant.
        case centralAdmin = "central admin"

        /// The DEMO password, the same for the role in every regency. Published in the README and
        /// printed by the seed, so it protects nothing: demo data never goes to production.
        public var password: String {
            switch self {
            case .tenantAdmin: "demo-bkpsdm-2026"
            case .evaluatorSuperior: "demo-atasan-2026"
            case .evaluator: "demo-penilai-2026"
            case .employee: "demo-pegawai-2026"
            case .pengelolaKinerja: "demo-pengelola-2026"
            case .centralAdmin: "demo-pusat-2026"
            }
        }
    }

    /// The tenant slug; nil for the central admin.
    public var regency: String?
    /// What the account demonstrates.
    public var role: Role
    /// What to type as login: the NIP (employees) or the e-mail address (admins).
    public var login: String
    /// The user's name.
    public var name: String
    /// The NIP of the employee the user is, when the user is one.
    public var employeeNIP: String?
    /// The perangkat daerah code a pengelola kinerja manages.
    public var managesPerangkatDaerah: String?

    /// The DEMO password.
    public var password: String { role.password }
    /// Whether `login` is an e-mail address (else an NIP).
    public var logsInByEmail: Bool { login.contains("@") }
}
