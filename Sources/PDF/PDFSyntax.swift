import Foundation

/// Lexical pieces of PDF syntax (ISO 32000-1 §7.3): numbers, literal and hex strings, dates.
enum PDFSyntax {
    /// A real number with at most two decimals, never in exponent form (§7.3.3 forbids it) and
    /// independent of locale: "12", "-3.5", "595.28".
    static func number(_ value: Double) -> String {
        var bytes: [UInt8] = []
        appendNumber(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `number(value)`'s text appended to `bytes`, digit by digit: a page's content stream holds
    /// thousands of numbers, and building a String for each was 8% of the worker's time while a
    /// season's documents were rendered (perf, scripts/bench/drain).
    static func appendNumber(_ value: Double, to bytes: inout [UInt8]) {
        guard value.isFinite else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let hundredths = Int((value * 100).rounded())
        if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        appendDigits(magnitude / 100, to: &bytes)
        let fraction = magnitude % 100
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    /// The decimal digits of `value`.
    private static func appendDigits(_ value: UInt, to bytes: inout [UInt8]) {
        var divisor: UInt = 1
        while divisor <= value / 10 { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
            rest %= divisor
            divisor /= 10
        }
    }

    /// A literal string `( … )` holding `bytes` (§7.3.4.2). Backslash and both parentheses are
    /// escaped, so unbalanced parentheses in user text stay harmless; CR and LF are escaped
    /// because a reader would otherwise normalise a raw CR to LF. Other bytes, including
    /// 0x80–0xFF, go in as they are.
    static func literal(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        appendLiteral(bytes, to: &out)
        return out
    }

    /// `literal(text)` appended to `out`.
    static func appendLiteral(_ bytes: some Sequence<UInt8>, to out: inout [UInt8]) {
        out.append(0x28)
        for byte in bytes {
            switch byte {
            case 0x5C, 0x28, 0x29:
                out.append(0x5C)
                out.append(byte)
            case 0x0D:
                out.append(0x5C)
                out.append(0x72)  // \r
            case 0x0A:
                out.append(0x5C)
                out.append(0x6E)  // \n
            default: out.append(byte)
            }
        }
        out.append(0x29)
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
