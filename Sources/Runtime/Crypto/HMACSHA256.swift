import CCrypto

/// HMAC-SHA-256 (RFC 2104, RFC 4231) from libcrypto: signed cursors and similar.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    public static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        var mac = [UInt8](repeating: 0, count: 32)
        var length: UInt32 = 0
        key.withUnsafeBufferPointer { k in
            message.withUnsafeBufferPointer { m in
                mac.withUnsafeMutableBufferPointer { out in
                    // An empty key or message still needs a valid pointer.
                    let keyPointer = UnsafeRawPointer(k.baseAddress) ?? UnsafeRawPointer(bitPattern: 1)
                    _ = HMAC(EVP_sha256(), keyPointer, Int32(k.count), m.baseAddress ?? UnsafePointer(bitPattern: 1),
                             m.count, out.baseAddress, &length)
                }
            }
        }
        return mac
    }
}
