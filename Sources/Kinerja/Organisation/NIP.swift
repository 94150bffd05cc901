/// Nomor Induk Pegawai: the 18-digit number of a civil servant, stored as digits only.
///
/// Layout (BKN; domain.md, "NIP"): digits 1–8 the birth date `YYYYMMDD`; for PNS and CPNS digits
/// 9–14 the CPNS start `YYYYMM`; for PPPK digits 9–12 the year of first appointment and 13–14 a
/// code (21 and 24 are seen); digit 15 the sex (1 male, 2 female); digits 16–18 a sequence that is
/// never `000`. There is no checksum.
public struct NIP: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The 18 digits.
    public let digits: String

    /// Validates `text` for an employee of `type`, with `today` as the latest possible CPNS start.
    /// Spaces are accepted and dropped ("19850312 201001 1 003").
    public init(_ text: String, type: EmployeeType, today: CivilDate) throws(NIPError) {
        let compact = text.filter { $0 != " " }
        guard compact.count == 18 else { throw .wrongLength(compact.count) }
        guard compact.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else {
            throw .notDigits
        }
        let d = Array(compact.utf8).map { Int($0 - UInt8(ascii: "0")) }
        func number(_ range: Range<Int>) -> Int { range.reduce(0) { $0 * 10 + d[$1] } }

        guard let birth = CivilDate(year: number(0..<4), month: number(4..<6), day: number(6..<8)),
              birth.year >= 1900, birth <= today else { throw .invalidBirthDate }
        switch type {
        case .pns, .cpns:
            let year = number(8..<12), month = number(12..<14)
            guard (1...12).contains(month), year >= 1900 else { throw .invalidAppointmentMonth }
            // The CPNS start cannot lie after today, nor before the month of birth.
            guard (year, month) <= (today.year, today.month) else { throw .appointmentInFuture }
            guard (year, month) > (birth.year, birth.month) else { throw .appointmentBeforeBirth }
        case .pppk:
            let year = number(8..<12)
            guard year >= 1900, year <= today.year else { throw .appointmentInFuture }
            guard year > birth.year else { throw .appointmentBeforeBirth }
        }
        guard d[14] == 1 || d[14] == 2 else { throw .invalidSexDigit }
        guard number(15..<18) != 0 else { throw .zeroSequence }
        digits = compact
    }

    /// Wraps digits read back from storage, which were validated when written.
    public init(storedDigits: String) {
        digits = storedDigits
    }

    /// The birth date encoded in digits 1–8.
    public var birthDate: CivilDate? {
        let d = Array(digits.utf8).map { Int($0) - 48 }
        guard d.count == 18 else { return nil }
        return CivilDate(year: d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3], month: d[4] * 10 + d[5], day: d[6] * 10 + d[7])
    }

    /// The digits as printed on documents: `YYYYMMDD YYYYMM S NNN`.
    public var formatted: String {
        let c = Array(digits)
        guard c.count == 18 else { return digits }
        return String(c[0..<8]) + " " + String(c[8..<14]) + " " + String(c[14]) + " " + String(c[15..<18])
    }

    /// The 18 digits.
    public var description: String { digits }

    /// Encodes as the digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    /// Decodes stored digits (no validation: that happens where input enters).
    public init(from decoder: any Decoder) throws {
        digits = try decoder.singleValueContainer().decode(String.self)
    }
}
