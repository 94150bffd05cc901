import Foundation

/// A civil date (PostgreSQL `date`): a day on the calendar, not an instant. Periods and deadlines
/// are civil dates in the tenant's time zone.
public struct PostgresDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The proleptic Gregorian year.
    public let year: Int
    /// 1...12.
    public let month: Int
    /// 1...31, valid for the month.
    public let day: Int

    /// A date, or nil when the day does not exist (for example February 30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= PostgresDate.daysIn(month: month, year: year) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ PostgresDate.parse(UnsafeRawBufferPointer($0)) }) else { return nil }
        self = parsed
    }

    /// The calendar date of `instant` in `timeZone`.
    public init(_ instant: Date, in timeZone: TimeZone) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: instant)
        let days = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        self.init(daysSinceEpoch: days)
    }

    /// The date `daysSinceEpoch` days after 1970-01-01 (negative before it).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        day = doy - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// Days after 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `count` days later (earlier when negative).
    public func adding(days count: Int) -> PostgresDate {
        PostgresDate(daysSinceEpoch: daysSinceEpoch + count)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        var bytes = [UInt8]()
        append(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Earlier dates sort first.
    public static func < (a: PostgresDate, b: PostgresDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    /// Encodes as the `YYYY-MM-DD` string.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes from a `YYYY-MM-DD` string.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = PostgresDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date as YYYY-MM-DD")
        }
        self = value
    }

    func append(to bytes: inout [UInt8]) {
        PostgresText.appendPadded(year, width: 4, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        PostgresText.appendPadded(month, width: 2, to: &bytes)
        bytes.append(UInt8(ascii: "-"))
        PostgresText.appendPadded(day, width: 2, to: &bytes)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Parses `Y...Y-MM-DD` (four or more year digits, as PostgreSQL writes years after 9999).
    static func parse(_ text: UnsafeRawBufferPointer) -> PostgresDate? {
        var i = 0
        guard let year = digits(text, &i, min: 4, max: 7), i < text.count, text[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let month = digits(text, &i, min: 2, max: 2), i < text.count, text[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let day = digits(text, &i, min: 2, max: 2), i == text.count else { return nil }
        return PostgresDate(year: year, month: month, day: day)
    }

    /// Reads `min...max` decimal digits at `i`, advancing it.
    static func digits(_ text: UnsafeRawBufferPointer, _ i: inout Int, min: Int, max: Int) -> Int? {
        var value = 0
        var count = 0
        while i < text.count, count < max {
            let d = text[i] &- UInt8(ascii: "0")
            guard d < 10 else { break }
            value = value * 10 + Int(d)
            count += 1
            i += 1
        }
        return count >= min ? value : nil
    }
}

extension PostgresDate: PostgresEncodable, PostgresDecodable {
    /// `date`.
    public static var postgresDataType: PostgresDataType { .date }

    /// `YYYY-MM-DD`.
    public func encodePostgresText(into bytes: inout [UInt8]) {
        append(to: &bytes)
    }

    /// From `date` (ISO output; `infinity` and BC dates are errors).
    public static func decode(from cell: PostgresCell) throws -> PostgresDate {
        try cell.requireType(.date, for: PostgresDate.self)
        guard let value = parse(try cell.requireBytes(as: PostgresDate.self)) else { throw cell.malformed(PostgresDate.self) }
        return value
    }
}
