import Foundation

/// A piece of continuous feedback on an employee's performance (Perbup Tanah Laut 2024 Pasal 16–18).
public struct UmpanBalik: Sendable, Equatable, Codable {
    /// Who gives it, towards the employee (Pasal 17).
    public enum Relation: String, Sendable, Codable, CaseIterable {
        /// The leader: the evaluator on the plan (Pasal 17 ayat (1)).
        case pimpinan
        /// A peer at the same level (Pasal 17 ayat (2) huruf a).
        case rekanKerja = "rekan-kerja"
        /// A subordinate (huruf b).
        case bawahan
        /// Another party related to the employee's performance (huruf c).
        case pihakLain = "pihak-lain"
    }

    /// Periodic or incidental (Pasal 18 ayat (1)); periodic feedback is the leader's duty (ayat (2)).
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Periodic, as agreed with the employee.
        case berkala
        /// Incidental.
        case insidental
    }

    /// The feedback's id.
    public var id: UUID
    /// The SKP it is about.
    public var skpID: UUID
    /// The employee who receives it.
    public var employeeID: UUID
    /// Who gave it.
    public var giverID: UUID
    /// The giver's relation to the employee.
    public var relation: Relation
    /// Periodic or incidental.
    public var kind: Kind
    /// The RHK it is about, if one.
    public var rhkID: UUID?
    /// The feedback in words.
    public var text: String
    /// When it was given.
    public var givenAt: Date

    /// Creates feedback.
    public init(id: UUID, skpID: UUID, employeeID: UUID, giverID: UUID, relation: Relation, kind: Kind, rhkID: UUID?,
                text: String, givenAt: Date) {
        self.id = id
        self.skpID = skpID
        self.employeeID = employeeID
        self.giverID = giverID
        self.relation = relation
        self.kind = kind
        self.rhkID = rhkID
        self.text = text
        self.givenAt = givenAt
    }
}
