import Foundation

/// One rule of the predikat distribution: a set of predikat bounded by a share of the group or a head count.
public struct DistributionRule: Sendable, Equatable, Hashable, Codable {
    /// Whether the rule caps or requires.
    public enum Bound: String, Sendable, Codable, Hashable {
        /// At most.
        case atMost = "at-most"
        /// At least.
        case atLeast = "at-least"
    }

    /// The organisation's achievement the rule belongs to.
    public var capaian: CapaianKinerjaOrganisasi
    /// The predikat counted together.
    public var predikat: [Predikat]
    /// Cap or requirement.
    public var bound: Bound
    /// A share of the group in percent; `nil` when the rule counts people.
    public var percent: Decimal?
    /// A number of people; `nil` when the rule is a share.
    public var people: Int?

    /// Creates a rule.
    public init(capaian: CapaianKinerjaOrganisasi, predikat: [Predikat], bound: Bound,
                percent: Decimal? = nil, people: Int? = nil) {
        self.capaian = capaian
        self.predikat = predikat
        self.bound = bound
        self.percent = percent
        self.people = people
    }

    /// A stable identifier, e.g. `baik/butuh-perbaikan+kurang/at-least-1-person`.
    public var code: String {
        let amount = percent.map { "\($0)-percent" } ?? "\(people ?? 0)-person"
        return "\(capaian.rawValue)/\(predikat.map(\.rawValue).joined(separator: "+"))/\(bound.rawValue)-\(amount)"
    }

    /// The rule in words, e.g. "Baik paling banyak 70%".
    public var text: String {
        let names = predikat.map(\.label).joined(separator: " atau ")
        if bound == .atMost, people == 0 { return "tidak ada \(names)" }
        let amount = percent.map { "\($0)%" } ?? "\(people ?? 0) orang"
        return "\(names) \(bound == .atMost ? "paling banyak" : "paling sedikit") \(amount)"
    }

    /// The head count the rule allows (at most) or requires (at least) in a group of `groupSize`.
    ///
    /// Tenant setting (domain.md): by default a maximum share p allows floor(p·n) and a minimum share q
    /// requires ceil(q·n); `nearest` rounds both half up.
    public func limit(groupSize: Int, rounding: RuleSet.DistributionRounding) -> Int {
        if let people { return people }
        let exact = (percent ?? 0) * Decimal(groupSize) / 100
        let mode: NSDecimalNumber.RoundingMode
        switch (rounding, bound) {
        case (.floorMaxCeilMin, .atMost): mode = .down
        case (.floorMaxCeilMin, .atLeast): mode = .up
        case (.nearest, _): mode = .plain
        }
        return NSDecimalNumber(decimal: exact.rounded(scale: 0, mode: mode)).intValue
    }
}
