/// Who the caller is: `GET /v1/me`, and part of the login answer.
struct MeView: Encodable {
    /// `tenant_user` or `central_admin`.
    let kind: String
    let user: UserView?
    let centralAdmin: CentralAdminView?
    let tenant: TenantSummary?
    /// Granted roles and, for employees, `pegawai`. Derived roles (pejabat penilai, atasan) are
    /// added once the organisation module computes them.
    let roles: [RoleView]
}
