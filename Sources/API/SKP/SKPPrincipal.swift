import Foundation
import HTTP

/// Who calls an SKP route: the signed-in person as an employee of a tenant, with the roles the
/// SKP routes need. Built from the identity module's principal once it is wired.
public struct SKPPrincipal: Sendable, Equatable {
    /// The tenant the session belongs to.
    public var tenantID: UUID
    /// The caller's employee record.
    public var employeeID: UUID
    /// Perangkat daerah whose Pengelola Kinerja the caller is.
    public var pengelolaOf: Set<UUID>
    /// Tenant administrator (BKPSDM): sees every report of the tenant.
    public var isTenantAdmin: Bool

    /// Creates a principal.
    public init(tenantID: UUID, employeeID: UUID, pengelolaOf: Set<UUID> = [], isTenantAdmin: Bool = false) {
        self.tenantID = tenantID
        self.employeeID = employeeID
        self.pengelolaOf = pengelolaOf
        self.isTenantAdmin = isTenantAdmin
    }
}

/// Authenticates a request for the SKP routes; throws a 401 problem when it cannot.
public protocol SKPPrincipalSource: Sendable {
    /// The caller of `request`.
    func principal(_ request: Request) throws -> SKPPrincipal
}
