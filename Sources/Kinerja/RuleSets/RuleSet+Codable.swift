import Foundation

extension RuleSet: Codable {
    private enum CodingKeys: String, CodingKey {
        case formatVersion, tenant, name, timeZone, evaluation, behaviour, periodicEvaluation, skp, coverage,
             objection, assessment
    }

    /// Decodes through the validating parser, so a `RuleSet` never exists unvalidated.
    public init(from decoder: any Decoder) throws {
        let value = try JSONValue(from: decoder)
        do {
            self = try RuleSet.validate(value)
        } catch {
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath,
                debugDescription: error.issues.map(\.description).joined(separator: "; ")))
        }
    }

    /// Encodes in the documented format; `parse(encoded)` gives back an equal value.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(tenant, forKey: .tenant)
        try container.encode(name, forKey: .name)
        try container.encode(timeZone, forKey: .timeZone)
        try container.encode(evaluation, forKey: .evaluation)
        try container.encode(behaviour, forKey: .behaviour)
        try container.encode(periodicEvaluation, forKey: .periodicEvaluation)
        try container.encode(skp, forKey: .skp)
        try container.encode(coverage, forKey: .coverage)
        try container.encode(objection, forKey: .objection)
        try container.encodeIfPresent(assessment, forKey: .assessment)
    }

    /// The canonical JSON text: sorted keys, pretty-printed, stable for storage and hashing.
    public func canonicalJSON() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The rule set as a JSON value tree.
    public func jsonValue() throws -> JSONValue {
        try JSONParser.parse(try canonicalJSON())
    }

    /// The JSON paths whose values differ between `self` and `other`, sorted (for the admin API).
    public func diff(_ other: RuleSet) throws -> [String] {
        try jsonValue().differingPaths(from: try other.jsonValue())
    }
}
