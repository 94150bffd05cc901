import Runtime

/// A bearer or one-time token: 32 random bytes as base64url (43 characters, RFC 6750
/// `b64token`). The client holds the token; the database holds only its SHA-256.
public struct OpaqueToken: Sendable, Equatable {
    /// The token as sent to the client. Never logged, never stored.
    public let value: String

    /// A fresh random token.
    public static func generate() throws -> OpaqueToken {
        OpaqueToken(value: Base64URL.encode(try SecureRandom.bytes(32)))
    }

    /// A token received from a client; nil unless it has the exact shape of ours, so garbage is
    /// refused before any database work.
    public init?(presented text: String) {
        guard text.utf8.count == 43, text.utf8.allSatisfy(Base64URL.isAlphabet) else { return nil }
        value = text
    }

    private init(value: String) { self.value = value }

    /// SHA-256 of the token (hex): the database key. A stolen database yields no usable token.
    public var hash: String { SHA256.hex(value) }
}
