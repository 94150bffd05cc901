import Foundation

/// A post in a unit, with its kind and its direct superior post.
public struct Jabatan: Sendable, Equatable, Codable {
    /// Its id.
    public var id: UUID
    /// The unit it sits in.
    public var unitKerjaID: UUID
    /// The direct superior post; nil at the top.
    public var superiorID: UUID?
    /// Unique code in the tenant (natural key of imports).
    public var code: String
    /// Its name, e.g. "Kepala Seksi Kurikulum".
    public var name: String
    /// Its kind.
    public var kind: JabatanKind
    /// The jenjang of a functional post (required for, and only for, `.fungsional`).
    public var jenjang: JenjangFungsional?
    /// False once abolished.
    public var active: Bool

    /// Creates a value.
    public init(id: UUID, unitKerjaID: UUID, superiorID: UUID?, code: String, name: String, kind: JabatanKind,
                jenjang: JenjangFungsional?, active: Bool = true) {
        self.id = id
        self.unitKerjaID = unitKerjaID
        self.superiorID = superiorID
        self.code = code
        self.name = name
        self.kind = kind
        self.jenjang = jenjang
        self.active = active
    }

    /// The node the evaluator resolution works on.
    public var node: JabatanNode {
        JabatanNode(id: id, name: name, kind: kind, superiorID: superiorID)
    }
}
