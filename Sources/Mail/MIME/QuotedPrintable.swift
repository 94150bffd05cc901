/// Quoted-printable body encoding (RFC 2045 §6.7).
enum QuotedPrintable {
    private static let hex = Array("0123456789ABCDEF".utf8)

    /// Encodes `text` as UTF-8 quoted-printable with CRLF line ends.
    ///
    /// Line breaks of any style (LF, CR, CRLF) become CRLF hard breaks, which RFC 2045 §6.7 rule 4
    /// requires to stay literal. Encoded lines stay within 76 characters using soft breaks
    /// (`=` CRLF, rule 5); `=`, non-ASCII and controls become `=XX` (rules 1–2), and white space
    /// at the end of a line is encoded (rule 3) because transports may strip it.
    static func encode(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + text.utf8.count / 8)
        let lines = Self.lines(of: text)
        for (index, line) in lines.enumerated() {
            if index > 0 { out += [13, 10] }
            var lineLength = 0
            for (i, byte) in line.enumerated() {
                let isLast = i == line.count - 1
                let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || ((byte == 32 || byte == 9) && !isLast)
                let token: [UInt8] = literal ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
                // Keep room for the soft-break "=" so no line passes 76 characters.
                if lineLength + token.count > 75 {
                    out += [UInt8(ascii: "="), 13, 10]
                    lineLength = 0
                }
                out += token
                lineLength += token.count
            }
        }
        return out
    }

    /// Splits on CRLF, CR or LF.
    static func lines(of text: String) -> [[UInt8]] {
        var lines: [[UInt8]] = [[]]
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case 13:
                lines.append([])
                previousWasCR = true
                continue
            case 10 where previousWasCR:
                break
            case 10:
                lines.append([])
            default:
                lines[lines.count - 1].append(byte)
            }
            previousWasCR = false
        }
        return lines
    }
}
