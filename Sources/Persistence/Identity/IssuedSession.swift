import Foundation

/// A session just started: the token goes to the client once.
public struct IssuedSession: Sendable {
    public var id: UUID
    public var token: OpaqueToken
    public var expiresAt: Date
}
