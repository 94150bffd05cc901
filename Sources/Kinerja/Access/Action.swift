/// Something a principal wants to do; `AccessPolicy` decides whether they may.
public enum Action: String, Sendable, CaseIterable, Codable {
    /// See one's own account and profile.
    case viewOwnProfile
    /// See an employee's record and performance documents.
    case viewEmployee
    /// Evaluate an employee (rate results and behaviour, establish the SKP).
    case evaluateEmployee
    /// Review an SKP before the evaluator agrees to it (Perbup Pasuruan 117/2019 Pasal 6 ayat (3)).
    case reviewSKP
    /// Decide an objection (keberatan) or an SKP dispute (PP 30/2019 Pasal 59).
    case decideObjection
    /// Change perangkat daerah, units, jabatan, employees, assignments, evaluator overrides.
    case manageOrganisation
    /// Bulk import from CSV.
    case importData
    /// Create users, grant roles, issue password resets.
    case manageUsers
    /// See the tenant's audit log and verify its chain.
    case viewAuditLog
    /// See the rule sets that apply.
    case viewRuleSets
    /// Draft, validate, simulate and publish rule sets.
    case manageRuleSets
    /// Onboard, update and deactivate tenants.
    case manageTenants
    /// See a tenant's background jobs (e-mail, documents) and retry or cancel them.
    case manageJobs
}
