import Foundation

/// Two published versions of one tenant whose validity ranges overlap.
public struct ValidityConflict: Sendable, Equatable, Codable {
    /// The tenant.
    public var tenant: String
    /// The earlier-starting version.
    public var first: Int
    /// The other version.
    public var second: Int
    /// First day both are in force.
    public var overlapFrom: CivilDate
    /// Last day both are in force; `nil` when both are open-ended.
    public var overlapUntil: CivilDate?

    /// The conflict in Bahasa Indonesia.
    public var message: String {
        "Versi \(first) dan versi \(second) tenant \(tenant) sama-sama berlaku sejak \(overlapFrom)"
            + (overlapUntil.map { " sampai \($0)" } ?? " tanpa batas akhir") + "."
    }
}
