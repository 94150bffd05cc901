import Foundation
import Runtime

/// New identifiers for identity rows: UUID version 7 (RFC 9562 section 5.7), time-ordered so
/// indexes stay compact and cursors follow creation order (architecture.md "Identifiers").
enum IdentityID {
    static func make(now: Date = Date()) throws -> UUID {
        var bytes = try SecureRandom.bytes(16)
        let millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
        for index in 0..<6 { bytes[index] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * UInt64(index))) }
        bytes[6] = 0x70 | (bytes[6] & 0x0f)
        bytes[8] = 0x80 | (bytes[8] & 0x3f)
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
