/// Why a NIP was refused; `code` is stable, `message` is for people.
public enum NIPError: Error, Sendable, Equatable {
    /// Not 18 digits after removing spaces (the count found).
    case wrongLength(Int)
    /// Contains something other than digits and spaces.
    case notDigits
    /// Digits 1–8 are not a real date (or lie in the future).
    case invalidBirthDate
    /// Digits 13–14 (PNS) are not a month 01–12.
    case invalidAppointmentMonth
    /// The appointment (CPNS start or PPPK year) lies after today.
    case appointmentInFuture
    /// The appointment is not after the birth date.
    case appointmentBeforeBirth
    /// Digit 15 is neither 1 (male) nor 2 (female).
    case invalidSexDigit
    /// Digits 16–18 are 000.
    case zeroSequence

    /// A stable code for programs.
    public var code: String {
        switch self {
        case .wrongLength: "nip_wrong_length"
        case .notDigits: "nip_not_digits"
        case .invalidBirthDate: "nip_invalid_birth_date"
        case .invalidAppointmentMonth: "nip_invalid_appointment_month"
        case .appointmentInFuture: "nip_appointment_in_future"
        case .appointmentBeforeBirth: "nip_appointment_before_birth"
        case .invalidSexDigit: "nip_invalid_sex_digit"
        case .zeroSequence: "nip_zero_sequence"
        }
    }

    /// The reason in Bahasa Indonesia.
    public var message: String {
        switch self {
        case .wrongLength(let count): "NIP harus 18 angka (tanpa spasi); ditemukan \(count)."
        case .notDigits: "NIP hanya boleh berisi angka dan spasi."
        case .invalidBirthDate: "Angka 1–8 NIP (tanggal lahir YYYYMMDD) bukan tanggal yang sah."
        case .invalidAppointmentMonth: "Angka 9–14 NIP (TMT CPNS YYYYMM) bukan bulan yang sah."
        case .appointmentInFuture: "Tahun/bulan pengangkatan pada NIP berada di masa depan."
        case .appointmentBeforeBirth: "Tahun/bulan pengangkatan pada NIP tidak sesudah tanggal lahir."
        case .invalidSexDigit: "Angka ke-15 NIP (jenis kelamin) harus 1 atau 2."
        case .zeroSequence: "Nomor urut NIP (angka 16–18) tidak boleh 000."
        }
    }
}
