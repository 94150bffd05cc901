import Foundation

/// A regency agency (dinas, badan, kecamatan, ...): the top of a unit tree.
public struct PerangkatDaerah: Sendable, Equatable, Codable {
    /// Its id.
    public var id: UUID
    /// The tenant's own short code, unique in the tenant (the natural key of imports).
    public var code: String
    /// Its name, e.g. "Dinas Pendidikan".
    public var name: String
    /// False once dissolved or merged; kept for history.
    public var active: Bool

    /// Creates a value.
    public init(id: UUID, code: String, name: String, active: Bool = true) {
        self.id = id
        self.code = code
        self.name = name
        self.active = active
    }
}
