import Foundation
import HTTP
import Kinerja

/// The SKP routes' callers through the identity module: the bearer token's `Principal`, which
/// must be a tenant user linked to an employee record.
struct AuthenticatorSKPPrincipals: SKPPrincipalSource {
    let auth: Authenticator

    func principal(_ request: Request) throws -> SKPPrincipal {
        let principal = try auth.principal(request)
        let tenant = try principal.tenant()
        guard let employee = principal.employeeID else {
            throw Problem(slug: "not-an-employee", title: "Tindakan tidak diizinkan", status: .forbidden,
                          detail: "Pengguna ini tidak terhubung dengan data pegawai, sehingga tidak memiliki SKP.")
        }
        return SKPPrincipal(tenantID: tenant, employeeID: employee, pengelolaOf: principal.managedPerangkatDaerah,
                            isTenantAdmin: principal.has(.tenantAdmin))
    }
}
