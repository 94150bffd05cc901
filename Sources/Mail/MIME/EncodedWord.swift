/// RFC 2047 encoded-words for non-ASCII text in headers (Subject, display names).
enum EncodedWord {
    private static let hex = Array("0123456789ABCDEF".utf8)
    private static let prefix = "=?UTF-8?Q?"
    private static let suffix = "?="
    /// RFC 2047 §2: an encoded-word is at most 75 characters long.
    static let maxLength = 75

    /// True when `text` can go into a header as it is: printable ASCII and spaces only, nothing a
    /// decoder could mistake for an encoded-word (`=?`), and no word too long to fold.
    static func canStayLiteral(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F }) else { return false }
        guard !text.contains("=?") else { return false }
        return text.split(separator: " ").allSatisfy { $0.utf8.count <= 900 }
    }

    /// Encodes `text` as a sequence of "Q" encoded-words (RFC 2047 §4.2), the first at most
    /// `firstLimit` characters long and the others at most `limit`.
    ///
    /// Every word holds whole characters (RFC 2047 §5: a multi-byte character must not be split
    /// across words). Only letters, digits and `!*+-/` stay literal, the safe set for a `phrase`
    /// (§5 rule 3), so the same words work in Subject and in display names. Space becomes `_`.
    /// Decoders drop the white space between adjacent encoded-words (§6.2), so the words may be
    /// joined with folding white space.
    static func encode(_ text: String, firstLimit: Int = maxLength, limit: Int = maxLength) -> [String] {
        let overhead = prefix.utf8.count + suffix.utf8.count
        var words: [String] = []
        var current: [UInt8] = []
        var budget = max(firstLimit, overhead + 9) - overhead
        for scalar in text.unicodeScalars {
            var encoded: [UInt8] = []
            for byte in String(scalar).utf8 {
                if isLiteral(byte) {
                    encoded.append(byte)
                } else if byte == 32 {
                    encoded.append(UInt8(ascii: "_"))
                } else {
                    encoded += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                }
            }
            if current.count + encoded.count > budget, !current.isEmpty {
                words.append(prefix + String(decoding: current, as: UTF8.self) + suffix)
                current = []
                budget = max(limit, overhead + 9) - overhead
            }
            current += encoded
        }
        if !current.isEmpty || words.isEmpty {
            words.append(prefix + String(decoding: current, as: UTF8.self) + suffix)
        }
        return words
    }

    private static func isLiteral(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "!") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")
            || b == UInt8(ascii: "-") || b == UInt8(ascii: "/")
    }
}
