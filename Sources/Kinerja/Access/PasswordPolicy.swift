/// Rules a new password must meet (OWASP Authentication Cheat Sheet, "Implement Proper Password
/// Strength Controls"; NIST SP 800-63B 5.1.1.2): long rather than complex, with no composition
/// rules, and not built from what others know of the user.
public enum PasswordPolicy {
    /// At least this many characters.
    public static let minimumLength = 12
    /// At most this many characters (long passphrases are welcome; megabytes are not).
    public static let maximumLength = 256

    /// A reason the password is refused.
    public enum Violation: String, Sendable, Equatable {
        case tooShort = "too_short"
        case tooLong = "too_long"
        case containsNIP = "contains_nip"
        case containsEmail = "contains_email"

        /// The explanation for people.
        public var message: String {
            switch self {
            case .tooShort: "Kata sandi minimal \(PasswordPolicy.minimumLength) karakter."
            case .tooLong: "Kata sandi maksimal \(PasswordPolicy.maximumLength) karakter."
            case .containsNIP: "Kata sandi tidak boleh memuat NIP Anda."
            case .containsEmail: "Kata sandi tidak boleh memuat alamat e-mail Anda."
            }
        }
    }

    /// The rules `password` breaks for a user with `nip` and `email`; empty when it is acceptable.
    public static func violations(_ password: String, nip: String?, email: String?) -> [Violation] {
        var found: [Violation] = []
        let length = password.count
        if length < minimumLength { found.append(.tooShort) }
        if length > maximumLength { found.append(.tooLong) }
        let digits = password.filter(\.isNumber)
        if let nip, !nip.isEmpty, digits.contains(nip) || password.contains(nip) { found.append(.containsNIP) }
        if let email, let local = email.split(separator: "@").first, local.count >= 4,
           password.lowercased().contains(local.lowercased()) {
            found.append(.containsEmail)
        }
        return found
    }
}
