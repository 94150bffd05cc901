import Foundation

/// Encodes text for the standard fonts' WinAnsiEncoding (ISO 32000-1 Annex D.2): Latin-1 plus the
/// Windows-1252 specials in 0x80–0x9F (“ ” ‘ ’ – — • € … and a few more).
///
/// PDF strings shown with a simple font are bytes, never UTF-8 (ISO 32000-1 §9.6.6). A character
/// that has no WinAnsi code (e.g. Arabic, CJK, emoji, a control character) becomes `?`, so one
/// `Character` always becomes exactly one byte and widths stay predictable. Text is first composed
/// (NFC), so "e" followed by a combining acute accent still becomes é. Tabs become one space;
/// LF, CR and CRLF become LF, which layout treats as a hard line break. A no-break space (U+00A0)
/// is kept, so layout never breaks a line there.
public enum WinAnsi: Sendable {
    /// The byte used for characters that cannot be encoded.
    public static let replacement: UInt8 = 0x3F  // "?"

    /// WinAnsi bytes for `text`, one byte per character.
    public static func encode(_ text: String) -> [UInt8] {
        // Most of a document is printable ASCII, which is its own NFC and its own WinAnsi: its
        // bytes go as they are. Composing every string was 5.6% of the machine while a season's
        // documents were rendered (perf, scripts/bench/drain).
        var ascii = true
        for byte in text.utf8 where !(0x20...0x7E).contains(byte) && byte != 0x0A && byte != 0x09 {
            ascii = false
            break
        }
        if ascii { return text.utf8.map { $0 == 0x09 ? 0x20 : $0 } }
        let composed = text.precomposedStringWithCanonicalMapping
        var bytes: [UInt8] = []
        bytes.reserveCapacity(composed.utf8.count)
        for character in composed {
            bytes.append(encode(character))
        }
        return bytes
    }

    /// The WinAnsi byte for one character, or `replacement`.
    public static func encode(_ character: Character) -> UInt8 {
        // A grapheme of several scalars (a letter with a combining mark NFC could not fold, an
        // emoji sequence) has no single code.
        let scalars = character.unicodeScalars
        guard scalars.count == 1, let scalar = scalars.first else {
            // "\r\n" is a single Character; treat it as the newline it is.
            return character == "\r\n" ? 0x0A : replacement
        }
        return encode(scalar)
    }

    /// The WinAnsi byte for one Unicode scalar, or `replacement`.
    static func encode(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        switch value {
        case 0x0A, 0x0D: return 0x0A  // kept (a lone CR as LF) so layout can see hard breaks
        case 0x09: return 0x20
        case 0x20...0x7E, 0xA0...0xFF: return UInt8(value)
        default: return specials[value] ?? replacement
        }
    }

    /// Unicode scalar for each WinAnsi byte, the inverse of `encode` (used to turn measured byte
    /// runs back into strings).
    static func decode(_ bytes: some Sequence<UInt8>) -> String {
        var text = ""
        for byte in bytes {
            if let scalar = decodeTable[byte] {
                text.unicodeScalars.append(scalar)
            } else {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            }
        }
        return text
    }

    /// The 0x80–0x9F block of Windows-1252 as WinAnsiEncoding defines it (ISO 32000-1 Table D.2).
    /// 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and left out.
    private static let specials: [UInt32: UInt8] = [
        0x20AC: 0x80,  // €
        0x201A: 0x82,  // ‚
        0x0192: 0x83,  // ƒ
        0x201E: 0x84,  // „
        0x2026: 0x85,  // …
        0x2020: 0x86,  // †
        0x2021: 0x87,  // ‡
        0x02C6: 0x88,  // ˆ
        0x2030: 0x89,  // ‰
        0x0160: 0x8A,  // Š
        0x2039: 0x8B,  // ‹
        0x0152: 0x8C,  // Œ
        0x017D: 0x8E,  // Ž
        0x2018: 0x91,  // ‘
        0x2019: 0x92,  // ’
        0x201C: 0x93,  // “
        0x201D: 0x94,  // ”
        0x2022: 0x95,  // •
        0x2013: 0x96,  // –
        0x2014: 0x97,  // —
        0x02DC: 0x98,  // ˜
        0x2122: 0x99,  // ™
        0x0161: 0x9A,  // š
        0x203A: 0x9B,  // ›
        0x0153: 0x9C,  // œ
        0x017E: 0x9E,  // ž
        0x0178: 0x9F,  // Ÿ
    ]

    private static let decodeTable: [UInt8: Unicode.Scalar] = {
        var table: [UInt8: Unicode.Scalar] = [:]
        for (value, byte) in specials {
            if let scalar = Unicode.Scalar(value) { table[byte] = scalar }
        }
        return table
    }()
}
