import Foundation

/// A one-time token just issued; the token is shown once.
public struct IssuedOneTimeToken: Sendable {
    public var kind: OneTimeTokenKind
    public var token: OpaqueToken
    public var expiresAt: Date
}
