import Foundation

/// Whose session or credential it is: a tenant's user or a central admin.
public enum SessionSubject: Sendable, Hashable {
    case tenantUser(tenantID: UUID, userID: UUID)
    case centralAdmin(id: UUID)

    /// The user's or admin's id.
    public var id: UUID {
        switch self {
        case .tenantUser(_, let userID): userID
        case .centralAdmin(let id): id
        }
    }

    /// The tenant, nil for central admins.
    public var tenantID: UUID? {
        if case .tenantUser(let tenantID, _) = self { return tenantID }
        return nil
    }
}
