/// Every authorization decision of Kinerja, in one place (architecture.md, "Security"). Pure:
/// the persistence layer computes the relations (`AccessFacts`), this decides. Tested as a
/// matrix of role × relation × action in `AccessPolicyMatrixTests`.
///
/// Principles: deny by default; a tenant user never learns whether another tenant's resource
/// exists (404); derived roles are decided by the relation on the date, as `AccessFacts` reports
/// it (an evaluator evaluates the employees they evaluate, not anyone; the `pejabatPenilai` and
/// `atasanPejabatPenilai` roles in a `Principal` summarise those relations for menus and grant
/// nothing by themselves); only an employee can be an evaluator; nobody evaluates or judges themself.
public enum AccessPolicy {
    /// Whether `principal` may do `action` on the target described by `facts`.
    public static func decide(_ principal: Principal, _ action: Action, _ facts: AccessFacts) -> AccessDecision {
        if principal.isCentralAdmin { return decideForCentralAdmin(action) }
        guard let tenant = principal.tenantID else {
            return .deny(reason: "Akun tidak terikat pada kabupaten mana pun.")
        }
        if let target = facts.targetTenantID, target != tenant { return .notFound }
        return decideInTenant(principal, action, facts)
    }

    // Central admins run the platform: tenants and rule sets. They do not read or change
    // people's performance records; that is the regency's business (its BKPSDM).
    private static func decideForCentralAdmin(_ action: Action) -> AccessDecision {
        switch action {
        case .viewOwnProfile, .manageTenants, .manageRuleSets, .viewRuleSets, .viewAuditLog, .manageUsers, .manageJobs:
            .allow
        case .viewEmployee, .evaluateEmployee, .reviewSKP, .decideObjection, .manageOrganisation, .importData:
            .deny(reason: "Admin pusat tidak mengelola data kinerja pegawai; hubungi BKPSDM kabupaten.")
        }
    }

    private static func decideInTenant(_ principal: Principal, _ action: Action, _ facts: AccessFacts) -> AccessDecision {
        let isSelf = principal.employeeID != nil && principal.employeeID == facts.targetEmployeeID
        let isAdmin = principal.has(.tenantAdmin)
        let isEmployee = principal.employeeID != nil
        let evaluates = isEmployee && facts.isEvaluatorOfTarget && !isSelf
        let judges = isEmployee && facts.isEvaluatorsSuperiorOfTarget && !isSelf
        let manages = facts.targetPerangkatDaerahID.map { principal.managedPerangkatDaerah.contains($0) } ?? false

        switch action {
        case .viewOwnProfile, .viewRuleSets:
            return .allow
        case .viewEmployee:
            return isSelf || isAdmin || evaluates || judges || manages
                ? .allow : .deny(reason: "Anda tidak berwenang melihat data pegawai ini.")
        case .evaluateEmployee:
            return evaluates ? .allow : .deny(reason: "Hanya pejabat penilai pegawai ini yang dapat menilai.")
        case .reviewSKP:
            return manages ? .allow : .deny(reason: "Hanya pengelola kinerja perangkat daerah pegawai ini yang dapat meninjau SKP.")
        case .decideObjection:
            return judges ? .allow : .deny(reason: "Hanya atasan pejabat penilai yang dapat memutus keberatan.")
        case .manageOrganisation, .importData, .manageUsers, .viewAuditLog, .manageJobs:
            return isAdmin ? .allow : .deny(reason: "Hanya admin BKPSDM kabupaten yang berwenang.")
        case .manageTenants, .manageRuleSets:
            return .deny(reason: "Hanya admin pusat yang berwenang.")
        }
    }
}
