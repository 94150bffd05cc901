import Foundation
import HTTP
import Kinerja

/// Who calls a follow-up or dashboard route, and what they may see: built from the session's
/// `Principal` (tenant admin, or pengelola kinerja of some perangkat daerah).
struct FollowUpCaller {
    /// The tenant.
    var tenantID: UUID
    /// The user, recorded as who granted or decided.
    var userID: UUID
    /// BKPSDM.
    var isTenantAdmin: Bool
    /// Perangkat daerah managed as pengelola kinerja.
    var pengelolaOf: Set<UUID>

    init(_ principal: Principal) throws {
        tenantID = try principal.tenant()
        userID = principal.userID
        isTenantAdmin = principal.has(.tenantAdmin)
        pengelolaOf = principal.managedPerangkatDaerah
    }

    /// Whether the caller may see or act on `scope`.
    func permits(_ scope: FollowUpScope) -> Bool { scope.permits(isTenantAdmin: isTenantAdmin, pengelolaOf: pengelolaOf) }

    /// Whether the caller may act on an evaluation of `perangkatDaerah` (nil: only a tenant admin).
    func permits(perangkatDaerah: UUID?) -> Bool {
        permits(perangkatDaerah.map(FollowUpScope.perangkatDaerah) ?? .tenant)
    }

    /// 403 unless the caller may see `scope`.
    func require(_ scope: FollowUpScope) throws {
        guard permits(scope) else { throw FollowUpRoutes.notPermitted }
    }
}
