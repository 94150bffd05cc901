/// A computed value together with the explanation of how it was computed.
public struct Explained<Value: Sendable & Equatable>: Sendable, Equatable {
    /// The result.
    public var value: Value
    /// The steps that produced it.
    public var explanation: Explanation

    /// Pairs a result with its explanation.
    public init(_ value: Value, _ explanation: Explanation) {
        self.value = value
        self.explanation = explanation
    }
}

extension Explained: Codable where Value: Codable {}
