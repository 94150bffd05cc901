import Kinerja
import Persistence

/// An authenticated request: who, and through which session.
public struct Authentication: Sendable {
    /// Who is asking.
    public var principal: Principal
    /// The session the bearer token belongs to.
    public var session: AuthenticatedSession
}
