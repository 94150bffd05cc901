import Foundation

/// Who sees and acts on a period's follow-up and dashboards (architecture.md, "Security"): the
/// tenant admin (BKPSDM) the whole tenant, the pengelola kinerja the perangkat daerah they manage,
/// nobody else. Pure, so it is tested as a table.
public enum FollowUpScope: Sendable, Equatable {
    /// The whole tenant.
    case tenant
    /// One perangkat daerah.
    case perangkatDaerah(UUID)

    /// Whether a caller with these roles may see or act on `self`.
    public func permits(isTenantAdmin: Bool, pengelolaOf: Set<UUID>) -> Bool {
        if isTenantAdmin { return true }
        switch self {
        case .tenant: return false
        case .perangkatDaerah(let id): return pengelolaOf.contains(id)
        }
    }
}
