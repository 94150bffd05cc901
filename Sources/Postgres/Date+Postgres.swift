import Foundation

extension Date: PostgresEncodable, PostgresDecodable {
    /// `timestamptz`.
    public static var postgresDataType: PostgresDataType { .timestamptz }

    /// `YYYY-MM-DD HH:MM:SS.ffffff+00`, rounded to PostgreSQL's microsecond, written without a
    /// formatter (they are slow and locale-sensitive).
    public func encodePostgresText(into bytes: inout [UInt8]) {
        let micros = Int64((timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 { fraction += 1_000_000; seconds -= 1 }
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        PostgresDate(daysSinceEpoch: Int(days)).append(to: &bytes)
        bytes.append(UInt8(ascii: " "))
        PostgresText.appendPadded(Int(secondOfDay / 3600), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        PostgresText.appendPadded(Int(secondOfDay / 60 % 60), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        PostgresText.appendPadded(Int(secondOfDay % 60), width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "."))
        PostgresText.appendPadded(Int(fraction), width: 6, to: &bytes)
        bytes.append(contentsOf: "+00".utf8)
    }

    /// From `timestamptz` in ISO output with any UTC offset (`+07`, `+05:30`); the result is
    /// exact to the microsecond. `infinity` and BC dates are errors.
    public static func decode(from cell: PostgresCell) throws -> Date {
        try cell.requireType(.timestamptz, for: Date.self)
        guard let micros = parseMicroseconds(try cell.requireBytes(as: Date.self)) else { throw cell.malformed(Date.self) }
        return Date(timeIntervalSince1970: Double(micros) / 1_000_000)
    }

    /// Microseconds since 1970 for `YYYY-MM-DD HH:MM:SS[.f{1,6}]±HH[:MM[:SS]]`.
    static func parseMicroseconds(_ text: UnsafeRawBufferPointer) -> Int64? {
        var i = 0
        let n = text.count
        func expect(_ c: Character) -> Bool {
            guard i < n, text[i] == c.asciiValue else { return false }
            i += 1
            return true
        }
        guard let year = PostgresDate.digits(text, &i, min: 4, max: 7), expect("-"),
              let month = PostgresDate.digits(text, &i, min: 2, max: 2), expect("-"),
              let day = PostgresDate.digits(text, &i, min: 2, max: 2), expect(" "),
              let date = PostgresDate(year: year, month: month, day: day),
              let hour = PostgresDate.digits(text, &i, min: 2, max: 2), expect(":"),
              let minute = PostgresDate.digits(text, &i, min: 2, max: 2), expect(":"),
              let second = PostgresDate.digits(text, &i, min: 2, max: 2) else { return nil }
        var micros: Int64 = 0
        if i < n, text[i] == UInt8(ascii: ".") {
            i += 1
            var scale: Int64 = 100_000
            let start = i
            while i < n, case let d = text[i] &- UInt8(ascii: "0"), d < 10 {
                micros += Int64(d) * scale
                scale /= 10
                i += 1
            }
            guard i > start, i - start <= 6 else { return nil }
        }
        guard i < n else { return nil }
        let sign: Int64
        switch text[i] {
        case UInt8(ascii: "+"): sign = 1
        case UInt8(ascii: "-"): sign = -1
        default: return nil
        }
        i += 1
        guard let offsetHours = PostgresDate.digits(text, &i, min: 2, max: 2) else { return nil }
        var offset = Int64(offsetHours) * 3600
        if expect(":") {
            guard let m = PostgresDate.digits(text, &i, min: 2, max: 2) else { return nil }
            offset += Int64(m) * 60
            if expect(":") {
                guard let s = PostgresDate.digits(text, &i, min: 2, max: 2) else { return nil }
                offset += Int64(s)
            }
        }
        guard i == n else { return nil }
        let local = Int64(date.daysSinceEpoch) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return (local - sign * offset) * 1_000_000 + micros
    }
}
