import Foundation

/// Lexical pieces of PDF syntax (ISO 32000-1 §7.3): numbers, literal and hex strings, dates.
enum PDFSyntax {
    /// A real number with at most two decimals, never in exponent form (§7.3.3 forbids it) and
    /// independent of locale: "12", "-3.5", "595.28".
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let whole = magnitude / 100
        let fraction = magnitude % 100
        if fraction == 0 { return "\(sign)\(whole)" }
        let digits = fraction % 10 == 0 ? "\(fraction / 10)" : (fraction < 10 ? "0\(fraction)" : "\(fraction)")
        return "\(sign)\(whole).\(digits)"
    }

    /// A literal string `( … )` holding `bytes` (§7.3.4.2). Backslash and both parentheses are
    /// escaped, so unbalanced parentheses in user text stay harmless; CR and LF are escaped
    /// because a reader would otherwise normalise a raw CR to LF. Other bytes, including
    /// 0x80–0xFF, go in as they are.
    static func literal(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = [0x28]
        for byte in bytes {
            switch byte {
            case 0x5C, 0x28, 0x29: out += [0x5C, byte]
            case 0x0D: out += [0x5C, 0x72]  // \r
            case 0x0A: out += [0x5C, 0x6E]  // \n
            default: out.append(byte)
            }
        }
        out.append(0x29)
        return out
    }

    /// A text string (§7.9.2.2) for the document information dictionary: UTF-16BE with a byte
    /// order mark, written as a hex string so any Unicode title survives (unlike page text,
    /// metadata is not limited to WinAnsi).
    static func textString(_ text: String) -> String {
        var hex = "<FEFF"
        for unit in text.utf16 {
            let digits = String(unit, radix: 16, uppercase: true)
            hex += String(repeating: "0", count: 4 - digits.count) + digits
        }
        return hex + ">"
    }

    /// A date string `(D:YYYYMMDDHHmmSSZ)` in UTC (§7.9.4). Computed by hand from the Unix time
    /// rather than through Calendar/TimeZone, which may be unavailable in static builds
    /// (platform-notes.md, "Static builds and time zones").
    static func date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 {
            secondOfDay += 86_400
            days -= 1
        }
        let (year, month, day) = civilDate(daysSinceEpoch: days)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let year4 = String(repeating: "0", count: max(0, 4 - String(year).count)) + String(year)
        return "(D:\(year4)\(two(month))\(two(day))\(two(secondOfDay / 3600))"
            + "\(two(secondOfDay % 3600 / 60))\(two(secondOfDay % 60))Z)"
    }

    /// Proleptic Gregorian (year, month, day) for days since 1970-01-01 (H. Hinnant's
    /// `civil_from_days`).
    static func civilDate(daysSinceEpoch: Int) -> (Int, Int, Int) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}
