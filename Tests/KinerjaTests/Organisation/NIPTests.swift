import Testing
@testable import Kinerja

@Suite struct NIPTests {
    static let today = day("2026-11-25")

    @Test(arguments: [
        ("198503122010011003", EmployeeType.pns, "198503122010011003"),
        ("19850312 201001 1 003", .pns, "198503122010011003"),  // spaces accepted, digits stored
        (" 19850312  201001 2 001 ", .cpns, "198503122010012001"),
        ("199001012026111001", .pns, "199001012026111001"),  // CPNS start this month
        ("199202292021212005", .pppk, "199202292021212005"),  // PPPK: 2021, code 21; leap day birth
        ("198807152024241002", .pppk, "198807152024241002"),  // PPPK code 24
    ])
    func valid(input: String, type: EmployeeType, digits: String) throws {
        let nip = try NIP(input, type: type, today: Self.today)
        #expect(nip.digits == digits)
    }

    @Test(arguments: [
        ("19850312201001100", EmployeeType.pns, NIPError.wrongLength(17)),
        ("1985031220100110031", .pns, .wrongLength(19)),
        ("", .pns, .wrongLength(0)),
        ("19850312201001100A", .pns, .notDigits),
        ("198502302010011003", .pns, .invalidBirthDate),  // 30 February
        ("198513122010011003", .pns, .invalidBirthDate),  // month 13
        ("198503122010131003", .pns, .invalidAppointmentMonth),  // CPNS month 13
        ("198503122010001003", .pns, .invalidAppointmentMonth),  // CPNS month 00
        ("198503122026121003", .pns, .appointmentInFuture),  // December 2026 after November
        ("198503121984011003", .pns, .appointmentBeforeBirth),
        ("198503122010013003", .pns, .invalidSexDigit),
        ("198503122010010003", .pns, .invalidSexDigit),
        ("198503122010011000", .pns, .zeroSequence),
        ("198807152027241002", .pppk, .appointmentInFuture),
        ("198807152024243002", .pppk, .invalidSexDigit),
    ])
    func invalid(input: String, type: EmployeeType, error: NIPError) {
        #expect(throws: error) { try NIP(input, type: type, today: Self.today) }
    }

    @Test func formattedAndBirthDate() throws {
        let nip = try NIP("198503122010011003", type: .pns, today: Self.today)
        #expect(nip.formatted == "19850312 201001 1 003")
        #expect(nip.birthDate == day("1985-03-12"))
    }
}
