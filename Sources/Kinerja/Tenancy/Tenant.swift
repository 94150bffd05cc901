import Foundation

/// A regency using Kinerja. Tenants onboard by data: a row, a rule set and a holiday calendar.
public struct Tenant: Sendable, Equatable, Codable {
    public var id: UUID
    /// URL-safe short name, e.g. `tanah-laut`.
    public var slug: String
    public var name: String
    public var province: String
    /// IANA zone in which the tenant's civil dates are computed (WIB or WITA).
    public var timeZone: String
    public var active: Bool

    public init(id: UUID, slug: String, name: String, province: String, timeZone: String, active: Bool) {
        self.id = id
        self.slug = slug
        self.name = name
        self.province = province
        self.timeZone = timeZone
        self.active = active
    }

    /// Whether `text` has the shape of a slug (the database checks the same pattern).
    public static func isValidSlug(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard (2...63).contains(bytes.count), let first = bytes.first, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(first) else {
            return false
        }
        return bytes.allSatisfy { b in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "-")
        }
    }
}
