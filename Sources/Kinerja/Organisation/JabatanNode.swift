import Foundation

/// A jabatan as the evaluator resolution sees it: its kind and its place under a superior post.
public struct JabatanNode: Sendable, Hashable, Codable {
    /// The jabatan's id.
    public var id: UUID
    /// The post's name, for explanations.
    public var name: String
    /// Its kind.
    public var kind: JabatanKind
    /// The direct superior post; nil at the top.
    public var superiorID: UUID?

    /// Creates a node.
    public init(id: UUID, name: String, kind: JabatanKind, superiorID: UUID?) {
        self.id = id
        self.name = name
        self.kind = kind
        self.superiorID = superiorID
    }
}
