/// Reads typed settings from an environment dictionary and collects every problem, so a
/// misconfigured process reports all of them at once instead of one per restart.
public struct EnvironmentReader {
    public let environment: [String: String]
    public private(set) var problems: [ConfigurationProblem] = []

    public init(_ environment: [String: String]) {
        self.environment = environment
    }

    /// A required string; a missing or empty value is a problem.
    public mutating func required(_ name: String) -> String {
        guard let value = environment[name], !value.isEmpty else {
            problems.append(ConfigurationProblem(name: name, message: "is required"))
            return ""
        }
        return value
    }

    /// An optional string: nil when unset or empty.
    public func optional(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }

    /// A string with a default.
    public func string(_ name: String, default value: String) -> String {
        optional(name) ?? value
    }

    /// An integer within `range`, or the default when unset.
    public mutating func int(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Int {
        guard let text = optional(name) else { return value }
        guard let parsed = Int(text), range.contains(parsed) else {
            problems.append(ConfigurationProblem(
                name: name, message: "must be an integer from \(range.lowerBound) to \(range.upperBound), got \"\(text)\""))
            return value
        }
        return parsed
    }

    /// A duration in milliseconds within `range`, or the default when unset.
    public mutating func milliseconds(_ name: String, default value: Int, in range: ClosedRange<Int>) -> Duration {
        .milliseconds(int(name, default: value, in: range))
    }

    /// One of a fixed set of values (case-sensitive), or the default when unset.
    public mutating func oneOf<T: RawRepresentable & CaseIterable>(_ name: String, default value: T) -> T
    where T.RawValue == String {
        guard let text = optional(name) else { return value }
        guard let parsed = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            problems.append(ConfigurationProblem(name: name, message: "must be one of \(allowed), got \"\(text)\""))
            return value
        }
        return parsed
    }

    /// Records a problem found by a caller's own check (e.g. a URL that does not parse), so it is
    /// reported together with the rest. Never put the value itself in `message` if it may hold a secret.
    public mutating func report(_ name: String, _ message: String) {
        problems.append(ConfigurationProblem(name: name, message: message))
    }

    /// Throws every collected problem together, if there are any.
    public func validate() throws(ConfigurationError) {
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
    }
}

/// One setting that is missing or malformed.
public struct ConfigurationProblem: Sendable, Equatable, CustomStringConvertible {
    public let name: String
    public let message: String
    public var description: String { "\(name) \(message)" }
}

/// All configuration problems of a process, reported together.
public struct ConfigurationError: Error, Sendable, CustomStringConvertible {
    public let problems: [ConfigurationProblem]
    public var description: String {
        "invalid configuration:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
