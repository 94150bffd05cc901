import Foundation

extension Decimal: PostgresEncodable, PostgresDecodable {
    /// `numeric`.
    public static var postgresDataType: PostgresDataType { .numeric }

    /// The exact decimal digits (`Decimal`'s description never uses an exponent).
    public func encodePostgresText(into bytes: inout [UInt8]) {
        bytes.append(contentsOf: description.utf8)
    }

    /// From `numeric` (or an integer type), parsed from the text so no digit goes through `Double`.
    /// `NaN` and values beyond `Decimal`'s 38 significant digits are errors, not roundings.
    public static func decode(from cell: PostgresCell) throws -> Decimal {
        try cell.requireType(.numeric, .int2, .int4, .int8, for: Decimal.self)
        let bytes = try cell.requireBytes(as: Decimal.self)
        let text = String(decoding: bytes, as: UTF8.self)
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")), !value.isNaN,
              significantDigits(of: bytes) <= 38 else { throw cell.malformed(Decimal.self) }
        return value
    }

    /// Counts the digits that carry value (leading zeros and trailing fraction zeros do not).
    private static func significantDigits(of text: UnsafeRawBufferPointer) -> Int {
        var digits = text.filter { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: "+") }
        if digits.contains(UInt8(ascii: ".")) {
            while digits.last == UInt8(ascii: "0") { digits.removeLast() }
            if digits.last == UInt8(ascii: ".") { digits.removeLast() }
        }
        digits.removeAll { $0 == UInt8(ascii: ".") }
        while digits.first == UInt8(ascii: "0") { digits.removeFirst() }
        // Trailing zeros of an integer part are exponent, not mantissa, for Decimal.
        var trimmed = digits[...]
        while trimmed.last == UInt8(ascii: "0") { trimmed = trimmed.dropLast() }
        return trimmed.count
    }
}
