/// What a user types to log in: an NIP (18 digits, spaces allowed as in "19850312 201001 1 003",
/// domain.md "NIP") or an e-mail address (compared case-insensitively).
public enum LoginName: Sendable, Hashable {
    /// 18 digits, spaces removed.
    case nip(String)
    /// Lowercased and trimmed.
    case email(String)

    /// Parses `text`; nil when it is neither an NIP nor an e-mail address.
    public init?(_ text: String) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty, trimmed.utf8.count <= 254 else { return nil }
        if trimmed.contains("@") {
            guard let email = LoginName.normalisedEmail(trimmed) else { return nil }
            self = .email(email)
        } else {
            let digits = trimmed.filter { $0 != " " }
            guard digits.utf8.count == 18, digits.utf8.allSatisfy({ (48...57).contains($0) }) else { return nil }
            self = .nip(digits)
        }
    }

    /// The normalised text: digits or lowercased address.
    public var text: String {
        switch self {
        case .nip(let digits): digits
        case .email(let address): address
        }
    }

    /// A lowercased address with one `@`, a non-empty local part and a dotted domain, no spaces
    /// or control characters; nil otherwise. Deliverability is checked by sending mail, not here.
    public static func normalisedEmail(_ text: String) -> String? {
        let address = text.trimmingSpaces.lowercased()
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.utf8.count <= 254, parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
              address.unicodeScalars.allSatisfy({ $0.value > 32 && $0.value != 127 })
        else { return nil }
        return address
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
