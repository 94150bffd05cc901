/// The outcome of checking a password against a stored hash.
public enum PasswordVerification: Sendable, Equatable {
    /// The password is wrong, or the stored hash is unreadable.
    case mismatch
    /// The password is right; `needsRehash` when the hash was made at a lower cost or with an
    /// older scheme, so the caller stores a fresh hash while it has the plain password.
    case match(needsRehash: Bool)

    /// Whether the password was right.
    public var isMatch: Bool {
        if case .match = self { return true }
        return false
    }
}
