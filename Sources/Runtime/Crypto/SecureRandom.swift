import CCrypto

/// Cryptographically secure random bytes from libcrypto's CSPRNG (`RAND_bytes`).
public enum SecureRandom {
    /// Raised when the generator cannot produce bytes (it was never seeded); callers must not
    /// fall back to a weaker source.
    public struct Failure: Error, CustomStringConvertible {
        /// Says what failed, without any secret.
        public var description: String { "RAND_bytes failed: the random generator is not available" }
    }

    /// `count` random bytes.
    public static func bytes(_ count: Int) throws(Failure) -> [UInt8] {
        guard count > 0 else { return [] }
        var out = [UInt8](repeating: 0, count: count)
        let ok = out.withUnsafeMutableBufferPointer { RAND_bytes($0.baseAddress, Int32($0.count)) }
        guard ok == 1 else { throw Failure() }
        return out
    }
}
