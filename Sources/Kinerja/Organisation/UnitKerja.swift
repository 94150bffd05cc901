import Foundation

/// A unit inside a perangkat daerah (bidang, seksi, UPT, ...), placed under a parent unit or
/// directly under the perangkat daerah.
public struct UnitKerja: Sendable, Equatable, Codable {
    /// Its id.
    public var id: UUID
    /// The perangkat daerah it belongs to.
    public var perangkatDaerahID: UUID
    /// The parent unit; nil directly under the perangkat daerah.
    public var parentID: UUID?
    /// Unique code in the tenant (natural key of imports).
    public var code: String
    /// Its name.
    public var name: String
    /// False once dissolved.
    public var active: Bool

    /// Creates a value.
    public init(id: UUID, perangkatDaerahID: UUID, parentID: UUID?, code: String, name: String, active: Bool = true) {
        self.id = id
        self.perangkatDaerahID = perangkatDaerahID
        self.parentID = parentID
        self.code = code
        self.name = name
        self.active = active
    }
}
