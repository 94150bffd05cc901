/// A parameter of Content-Type or Content-Disposition, e.g. `filename="laporan.pdf"`.
enum MIMEParameter {
    /// Longest value that may stay a plain quoted-string; longer ones use RFC 2231 continuations,
    /// because a quoted-string cannot be folded without changing it.
    static let maxQuotedLength = 60
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Renders `name=value` as one or more header tokens (each may be preceded by a fold).
    ///
    /// Printable ASCII values stay a quoted-string (RFC 2045 §5.1). Others use RFC 2231: the
    /// charset-tagged, percent-encoded form `name*=UTF-8''...` (§4), split into numbered sections
    /// `name*0*=`, `name*1*=` (§3) when long, never inside a `%XX` triplet.
    static func tokens(name: String, value: String, isLast: Bool) -> [String] {
        let terminator = isLast ? "" : ";"
        let printable = value.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value < 0x7F }
        if printable && value.utf8.count <= maxQuotedLength {
            let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return [name + "=\"" + escaped + "\"" + terminator]
        }
        var units: [String] = []
        for byte in value.utf8 {
            if isAttributeChar(byte) {
                units.append(String(UnicodeScalar(byte)))
            } else {
                units.append(String(decoding: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 15)]], as: UTF8.self))
            }
        }
        var sections: [String] = []
        var current = ""
        for unit in units {
            if current.utf8.count + unit.utf8.count > 54 {
                sections.append(current)
                current = ""
            }
            current += unit
        }
        sections.append(current)
        if sections.count == 1 {
            return [name + "*=UTF-8''" + sections[0] + terminator]
        }
        return sections.enumerated().map { index, section in
            let charset = index == 0 ? "UTF-8''" : ""
            let end = index == sections.count - 1 ? terminator : ";"
            return name + "*\(index)*=" + charset + section + end
        }
    }

    /// RFC 2231 §7 attribute-char, narrowed to letters, digits and `-._~` so that nothing a
    /// lenient parser treats specially is left unencoded.
    private static func isAttributeChar(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
            || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") || b == UInt8(ascii: "_") || b == UInt8(ascii: "~")
    }
}
