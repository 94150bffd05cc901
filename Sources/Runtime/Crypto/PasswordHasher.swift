/// Password hashing with PBKDF2-HMAC-SHA-256, stored as a self-describing string
/// `pbkdf2-sha256$<iterations>$<salt>$<hash>` (salt and hash in base64url), so the cost can be
/// raised later: old hashes still verify and report `needsRehash`.
///
/// OWASP Password Storage Cheat Sheet (2023): PBKDF2-HMAC-SHA256 with 600,000 iterations, a
/// 16-byte random salt per password. The cost comes from configuration
/// (`KINERJA_PASSWORD_PBKDF2_ITERATIONS`) so tests can run with a low one.
public struct PasswordHasher: Sendable {
    /// The OWASP-recommended iteration count for PBKDF2-HMAC-SHA256; the production default.
    public static let owaspIterations = 600_000
    /// The scheme name at the start of every stored hash.
    public static let scheme = "pbkdf2-sha256"
    static let saltLength = 16
    static let hashLength = 32
    /// Passwords are limited so one request cannot make PBKDF2 hash megabytes.
    public static let maximumPasswordBytes = 1024

    /// Iterations used for new hashes; verification uses the count stored in each hash.
    public let iterations: Int

    /// A hasher for new hashes at `iterations` rounds (OWASP's value by default).
    public init(iterations: Int = PasswordHasher.owaspIterations) {
        self.iterations = max(1, iterations)
    }

    /// A new stored hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        let salt = try SecureRandom.bytes(Self.saltLength)
        let derived = try PBKDF2.sha256(password: Array(password.utf8.prefix(Self.maximumPasswordBytes)), salt: salt,
                                        iterations: iterations, length: Self.hashLength)
        return "\(Self.scheme)$\(iterations)$\(Base64URL.encode(salt))$\(Base64URL.encode(derived))"
    }

    /// Checks `password` against `stored`, comparing in constant time.
    public func verify(_ password: String, against stored: String) -> PasswordVerification {
        let parts = stored.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == Self.scheme, let rounds = Int(parts[1]), rounds > 0,
              let salt = Base64URL.decode(String(parts[2])), let expected = Base64URL.decode(String(parts[3])),
              !expected.isEmpty,
              let derived = try? PBKDF2.sha256(password: Array(password.utf8.prefix(Self.maximumPasswordBytes)),
                                               salt: salt, iterations: rounds, length: expected.count)
        else { return .mismatch }
        guard ConstantTime.equals(derived, expected) else { return .mismatch }
        return .match(needsRehash: rounds < iterations)
    }

    /// Spends the time of one verification at the current cost and always fails. Used for
    /// unknown accounts, so response time does not tell whether an account exists (OWASP
    /// Authentication Cheat Sheet, "Authentication Responses").
    public func verifyAgainstNothing(_ password: String) {
        let salt = [UInt8](repeating: 0x5a, count: Self.saltLength)
        _ = try? PBKDF2.sha256(password: Array(password.utf8.prefix(Self.maximumPasswordBytes)), salt: salt,
                               iterations: iterations, length: Self.hashLength)
    }
}
