import Foundation

/// A target and its realisation for one aspect of an SKP activity.
public struct TargetRealisation: Sendable, Equatable, Codable {
    /// The target (TO, TK, TW or TB).
    public var target: Decimal
    /// The realisation (RO, RK, RW or RB); may exceed the target (Perbup Pasuruan 117/2019 Pasal 11 ayat (3)).
    public var realisation: Decimal

    /// Creates a pair.
    public init(target: Decimal, realisation: Decimal) {
        self.target = target
        self.realisation = realisation
    }
}
