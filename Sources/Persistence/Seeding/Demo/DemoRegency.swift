/// A tenant that gets a demo organisation, and what is particular to it.
public struct DemoRegency: Sendable, Equatable {
    /// The tenant's slug; also seeds the names, so each regency has its own people.
    public var slug: String
    /// Whether some new staff are still CPNS (candidates in their probation year).
    public var hasCPNS: Bool

    /// A regency `slug`.
    public init(slug: String, hasCPNS: Bool = false) {
        self.slug = slug
        self.hasCPNS = hasCPNS
    }

    /// The four seeded regencies; Karawang has this year's CPNS intake.
    public static let seeded = [
        DemoRegency(slug: "karawang", hasCPNS: true), DemoRegency(slug: "tanah-laut"),
        DemoRegency(slug: "pasuruan"), DemoRegency(slug: "demak"),
    ]

    /// The domain of the regency's demo e-mail addresses (`.test` is reserved: mail to it goes nowhere).
    var mailDomain: String { "\(slug).demo.kinerja.test" }
}
