import Foundation

/// Where an idempotency key lives: its owner, the route it was sent to and the key itself. The
/// same key sent by another user, or to another route, is another key.
public struct IdempotencyScope: Sendable, Equatable {
    /// Who sent the key.
    public enum Owner: Sendable, Equatable {
        /// A user of a tenant; the key is tenant-owned (`idempotency_keys`, row-level security).
        case tenantUser(tenant: UUID, user: UUID)
        /// A central admin, who belongs to no tenant (`platform_idempotency_keys`).
        case centralAdmin(UUID)
    }

    /// Who sent the key.
    public var owner: Owner
    /// Method and route pattern, e.g. `POST /v1/units`.
    public var route: String
    /// The `Idempotency-Key` as sent (1–255 printable ASCII characters, checked by the API).
    public var key: String

    /// Creates a value from its parts.
    public init(owner: Owner, route: String, key: String) {
        self.owner = owner
        self.route = route
        self.key = key
    }
}
