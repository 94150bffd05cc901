/// A location inside a JSON document, printed as `$.evaluation.weights.skp` or `$.holidays[3]`.
public struct JSONPath: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Sendable, Equatable, Hashable {
        /// An object member.
        case key(String)
        /// An array element.
        case index(Int)
    }

    /// The steps from the document root.
    public var components: [Component]

    /// The document root, `$`.
    public static let root = JSONPath(components: [])

    /// The path one member further down.
    public func appending(_ key: String) -> JSONPath {
        JSONPath(components: components + [.key(key)])
    }

    /// The path one element further down.
    public func appending(_ index: Int) -> JSONPath {
        JSONPath(components: components + [.index(index)])
    }

    /// JSONPath notation, e.g. `$.objection.filingWindow.days`.
    public var description: String {
        components.reduce("$") { text, component in
            switch component {
            case .key(let key): text + "." + key
            case .index(let index): text + "[\(index)]"
            }
        }
    }
}
