import Foundation

/// A live session found by its token hash.
public struct AuthenticatedSession: Sendable, Equatable {
    public var id: UUID
    public var subject: SessionSubject
    public var expiresAt: Date
    /// SHA-256 of the presented token, to revoke exactly this session.
    public var tokenHash: String

    public init(id: UUID, subject: SessionSubject, expiresAt: Date, tokenHash: String) {
        self.id = id
        self.subject = subject
        self.expiresAt = expiresAt
        self.tokenHash = tokenHash
    }
}
