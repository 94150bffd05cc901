import CCrypto

/// PBKDF2 (RFC 8018 section 5.2) with HMAC-SHA-256 as the pseudo-random function.
public enum PBKDF2 {
    /// Raised when libcrypto refuses the parameters (e.g. zero iterations).
    public struct Failure: Error, CustomStringConvertible {
        /// Says what failed, without any secret.
        public var description: String { "PKCS5_PBKDF2_HMAC failed" }
    }

    /// `length` bytes derived from `password` and `salt` with `iterations` rounds.
    public static func sha256(password: [UInt8], salt: [UInt8], iterations: Int, length: Int) throws(Failure) -> [UInt8] {
        guard iterations > 0, iterations <= Int(Int32.max), length > 0 else { throw Failure() }
        var out = [UInt8](repeating: 0, count: length)
        let ok = password.withUnsafeBufferPointer { p in
            salt.withUnsafeBufferPointer { s in
                out.withUnsafeMutableBufferPointer { o in
                    p.withMemoryRebound(to: CChar.self) { pc in
                        // Empty inputs still need non-null pointers for libcrypto.
                        let placeholder: [CChar] = [0]
                        return placeholder.withUnsafeBufferPointer { empty in
                            PKCS5_PBKDF2_HMAC(pc.baseAddress ?? empty.baseAddress, Int32(pc.count),
                                              s.baseAddress ?? UnsafePointer(bitPattern: 1), Int32(s.count),
                                              Int32(iterations), EVP_sha256(), Int32(o.count), o.baseAddress)
                        }
                    }
                }
            }
        }
        guard ok == 1 else { throw Failure() }
        return out
    }
}
