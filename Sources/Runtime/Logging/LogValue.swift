/// A value in a log line's metadata.
public enum LogValue: Sendable, Equatable, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }

    func append(to line: inout String) {
        switch self {
        case .string(let s): JSONText.appendString(s, to: &line)
        case .int(let i): line += String(i)
        case .double(let d): line += d.isFinite ? String(d) : "null"
        case .bool(let b): line += b ? "true" : "false"
        }
    }
}
