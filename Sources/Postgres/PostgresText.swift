/// Byte-level reading and writing of PostgreSQL's text formats, without `String` in between on
/// the hot paths (integers, bytea).
enum PostgresText {
    /// Parses an optionally signed decimal integer; nil on anything else or overflow.
    static func parseInt64(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var index = 0
        let count = bytes.count
        guard count > 0 else { return nil }
        var negative = false
        if bytes[0] == UInt8(ascii: "-") { negative = true; index = 1 }
        else if bytes[0] == UInt8(ascii: "+") { index = 1 }
        guard index < count else { return nil }
        var value: Int64 = 0
        while index < count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            // Accumulate negatively so Int64.min parses without overflow.
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int64(digit))
            guard !o1, !o2 else { return nil }
            value = s
            index += 1
        }
        if negative { return value }
        let (positive, overflow) = Int64(0).subtractingReportingOverflow(value)
        return overflow ? nil : positive
    }

    /// Appends the decimal digits of `value`.
    static func appendInteger(_ value: Int64, to bytes: inout [UInt8]) {
        if value == 0 { bytes.append(UInt8(ascii: "0")); return }
        var magnitude = value.magnitude
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)  // room for 20 digits
        var n = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            while magnitude > 0 {
                buffer[n] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                n += 1
            }
            while n > 0 {
                n -= 1
                bytes.append(buffer[n])
            }
        }
    }

    /// Appends `value` as exactly `width` digits, zero-padded (for dates and times).
    static func appendPadded(_ value: Int, width: Int, to bytes: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        if rest >= divisor * 10 { appendInteger(Int64(rest / (divisor * 10)), to: &bytes); rest %= divisor * 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Decodes bytea's hex output format (`\x0a1b...`); nil if it is not that format.
    static func decodeByteaHex(_ bytes: UnsafeRawBufferPointer) -> [UInt8]? {
        guard bytes.count >= 2, bytes[0] == UInt8(ascii: "\\"), bytes[1] == UInt8(ascii: "x"),
              bytes.count % 2 == 0 else { return nil }
        var out = [UInt8]()
        out.reserveCapacity((bytes.count - 2) / 2)
        var i = 2
        while i < bytes.count {
            guard let high = hexValue(bytes[i]), let low = hexValue(bytes[i + 1]) else { return nil }
            out.append(high << 4 | low)
            i += 2
        }
        return out
    }

    /// Appends bytea's hex input format.
    static func appendByteaHex(_ value: [UInt8], to bytes: inout [UInt8]) {
        let digits: StaticString = "0123456789abcdef"
        bytes.reserveCapacity(bytes.count + 2 + value.count * 2)
        bytes.append(UInt8(ascii: "\\"))
        bytes.append(UInt8(ascii: "x"))
        digits.withUTF8Buffer { hex in
            for byte in value {
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0f)])
            }
        }
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
