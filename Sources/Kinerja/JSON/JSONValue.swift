import Foundation

/// A JSON document as a value tree: the shape rule sets and rule cases are validated on.
///
/// Numbers are kept as `Decimal` so that `60` and `60.0` compare equal and no binary
/// floating point enters a computation that the regulations state in decimal.
public enum JSONValue: Sendable, Equatable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number, held exactly.
    case number(Decimal)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object; key order is not significant.
    case object([String: JSONValue])

    /// The JSON type name in Bahasa Indonesia, for error messages.
    public var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "bilangan"
        case .string: "teks"
        case .array: "daftar"
        case .object: "objek"
        }
    }
}

extension JSONValue: Codable {
    /// Decodes any JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    /// Encodes the value as the JSON it stands for.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

extension JSONValue {
    /// Every leaf path at which `self` and `other` differ, sorted; objects are compared key by key,
    /// arrays element by element, and a changed type counts as a change of the whole node.
    public func differingPaths(from other: JSONValue, at path: JSONPath = .root) -> [String] {
        switch (self, other) {
        case (.object(let lhs), .object(let rhs)):
            let keys = Set(lhs.keys).union(rhs.keys).sorted()
            return keys.flatMap { key -> [String] in
                switch (lhs[key], rhs[key]) {
                case (let l?, let r?): return l.differingPaths(from: r, at: path.appending(key))
                default: return [path.appending(key).description]
                }
            }
        case (.array(let lhs), .array(let rhs)):
            var paths: [String] = []
            for index in 0..<max(lhs.count, rhs.count) {
                let child = path.appending(index)
                if index < lhs.count, index < rhs.count {
                    paths += lhs[index].differingPaths(from: rhs[index], at: child)
                } else {
                    paths.append(child.description)
                }
            }
            return paths
        default:
            return self == other ? [] : [path.description]
        }
    }
}
