/// What login needs of an account: who it is and the stored password hash.
public struct StoredCredential: Sendable {
    public var subject: SessionSubject
    /// Nil until an invited user sets a password.
    public var passwordHash: String?
    public var active: Bool

    public init(subject: SessionSubject, passwordHash: String?, active: Bool) {
        self.subject = subject
        self.passwordHash = passwordHash
        self.active = active
    }
}
