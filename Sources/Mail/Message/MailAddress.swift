/// A mailbox: an optional display name and an address (RFC 5322 §3.4 `name-addr`).
///
/// The check is deliberately simple and strict: ASCII `dot-atom@domain` only (no quoted local
/// parts, no address literals, no SMTPUTF8), with the RFC 5321 §4.5.3.1 length limits. Anything
/// else is refused with a typed error rather than passed to a relay.
public struct MailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The display name, e.g. "BKPSDM Kabupaten Karawang"; any Unicode, no control characters.
    public let name: String?
    /// The address, e.g. "noreply@karawang.example".
    public let address: String

    /// RFC 5321 §4.5.3.1.1: local part up to 64 octets.
    public static let maxLocalPartLength = 64
    /// RFC 5321 §4.5.3.1.2: domain up to 255 octets; 253 in practice (DNS name without the dot).
    public static let maxDomainLength = 253
    /// RFC 5321 §4.5.3.1.3 limits a path to 256 octets including the angle brackets.
    public static let maxAddressLength = 254
    /// Our own limit for display names: long enough for any unit name, short enough to fold.
    public static let maxNameLength = 200

    /// Validates `address` (and `name`), throwing a typed error naming `field` when refused.
    public init(_ address: String, name: String? = nil, field: String = "address") throws(MailMessageError) {
        try MailAddress.validate(address, field: field)
        if let name {
            try MailMessageError.checkNoControls(name, field: field + " name")
            guard name.utf8.count <= MailAddress.maxNameLength else {
                throw .tooLong(field: field + " name", limit: MailAddress.maxNameLength)
            }
        }
        self.address = address
        self.name = (name?.isEmpty ?? true) ? nil : name
    }

    /// The address without the name, as it appears in the SMTP envelope.
    public var description: String { address }

    // RFC 5322 §3.2.3 atext, the characters allowed in a dot-atom besides letters and digits.
    private static let atextSymbols = Set("!#$%&'*+-/=?^_`{|}~".utf8)

    static func validate(_ address: String, field: String) throws(MailMessageError) {
        try MailMessageError.checkNoControls(address, field: field)
        guard !address.isEmpty else { throw .empty(field: field) }
        let bytes = Array(address.utf8)
        guard bytes.count <= maxAddressLength else { throw .tooLong(field: field, limit: maxAddressLength) }
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            throw .invalidAddress(field: field, reason: "only ASCII addresses are supported")
        }
        guard let at = bytes.lastIndex(of: UInt8(ascii: "@")) else {
            throw .invalidAddress(field: field, reason: "no @")
        }
        let local = bytes[..<at], domain = bytes[(at + 1)...]
        guard !local.isEmpty, local.count <= maxLocalPartLength else {
            throw .invalidAddress(field: field, reason: "local part must be 1 to \(maxLocalPartLength) characters")
        }
        let dotAtom = local.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: ".") || atextSymbols.contains($0) }
        guard dotAtom, !hasBadDots(local) else {
            throw .invalidAddress(field: field, reason: "local part is not a dot-atom")
        }
        guard !domain.isEmpty, domain.count <= maxDomainLength else {
            throw .invalidAddress(field: field, reason: "domain must be 1 to \(maxDomainLength) characters")
        }
        let labels = domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        // A single-label domain is almost always a typo in production; require a dot.
        guard labels.count >= 2 else { throw .invalidAddress(field: field, reason: "domain has no dot") }
        for label in labels {
            let ok = !label.isEmpty && label.count <= 63
                && label.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
                && label.first != UInt8(ascii: "-") && label.last != UInt8(ascii: "-")
            guard ok else { throw .invalidAddress(field: field, reason: "domain is not a host name") }
        }
    }

    private static func isAlphanumeric(_ b: UInt8) -> Bool {
        (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
    }

    private static func hasBadDots(_ local: ArraySlice<UInt8>) -> Bool {
        let dot = UInt8(ascii: ".")
        if local.first == dot || local.last == dot { return true }
        return zip(local, local.dropFirst()).contains { $0 == dot && $1 == dot }
    }
}
