import Runtime

/// The short code printed on every issued document (`XXXX-XXXX`), by which anyone can check at
/// `/v1/verify/{code}` what the document is and that a copy is unchanged.
///
/// Eight characters from a 32-symbol alphabet without `0`, `O`, `1` and `I`, which people misread
/// on paper: 40 random bits, so guessing a valid code among millions of documents stays hopeless
/// (about one in 10^5 per try at 10^7 documents).
public struct VerificationCode: Sendable, Hashable, CustomStringConvertible {
    /// The symbols a code is made of: digits 2–9 and the letters without `I` and `O`.
    public static let alphabet = Array("23456789ABCDEFGHJKLMNPQRSTUVWXYZ".utf8)

    /// The code as printed, `XXXX-XXXX`.
    public let text: String

    /// Parses a code as a person may type it: either case, with or without the hyphen.
    /// Returns nil for anything else (wrong length, a misread symbol such as `0` or `I`).
    public init?(_ input: String) {
        var symbols = Array(input.utf8)
        if symbols.count == 9 {
            guard symbols[4] == UInt8(ascii: "-") else { return nil }
            symbols.remove(at: 4)
        }
        guard symbols.count == 8 else { return nil }
        let upper = symbols.map { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) ? $0 - 32 : $0 }
        guard upper.allSatisfy(Self.alphabet.contains) else { return nil }
        text = Self.format(upper)
    }

    /// A fresh random code from the system's CSPRNG.
    public static func random() throws(SecureRandom.Failure) -> VerificationCode {
        // 32 symbols: the low five bits of each byte pick one without modulo bias.
        let symbols = try SecureRandom.bytes(8).map { alphabet[Int($0 & 0x1f)] }
        return VerificationCode(formatted: format(symbols))
    }

    /// The code as printed.
    public var description: String { text }

    private init(formatted: String) { text = formatted }

    private static func format(_ symbols: [UInt8]) -> String {
        String(decoding: symbols[0..<4], as: UTF8.self) + "-" + String(decoding: symbols[4..<8], as: UTF8.self)
    }
}
