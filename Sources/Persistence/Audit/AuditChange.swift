import Foundation
import Kinerja

/// A change to record: the action, the record, and its state before and after.
public struct AuditChange: Sendable, Equatable {
    /// `create`, `update`, `end`, ...
    public var action: String
    /// The kind of record (`employee`, `unit_kerja`, ...).
    public var entity: String
    /// The record's id.
    public var entityID: String
    /// The record before; nil for a creation.
    public var before: JSONValue?
    /// The record after.
    public var after: JSONValue?

    /// Creates a change from JSON values.
    public init(action: String, entity: String, entityID: String, before: JSONValue?, after: JSONValue?) {
        self.action = action
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
    }

    /// Creates a change from encodable records, through their JSON form.
    public init<Before: Encodable, After: Encodable>(action: String, entity: String, id: UUID, before: Before?, after: After?) throws {
        var beforeJSON: JSONValue?
        var afterJSON: JSONValue?
        if let before { beforeJSON = try Self.json(before) }
        if let after { afterJSON = try Self.json(after) }
        self.init(action: action, entity: entity, entityID: id.uuidString.lowercased(), before: beforeJSON, after: afterJSON)
    }

    /// The JSON value of `value` as the API would encode it.
    static func json<Value: Encodable>(_ value: Value) throws -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try JSONParser.parse(try encoder.encode(value))
    }
}
