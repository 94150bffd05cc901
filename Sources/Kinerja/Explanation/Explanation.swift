/// How a computation reached its result: ordered steps, each with its numbers and its legal source.
public struct Explanation: Sendable, Equatable, Codable {
    /// The steps, in the order they were taken.
    public var steps: [ExplanationStep]

    /// Creates an explanation.
    public init(steps: [ExplanationStep] = []) { self.steps = steps }

    /// Appends one step.
    public mutating func add(_ text: String, _ figures: [ExplanationStep.Figure] = [], basis: LegalBasis? = nil) {
        steps.append(ExplanationStep(text: text, figures: figures, basis: basis))
    }

    /// Appends the steps of a sub-computation.
    public mutating func append(contentsOf other: Explanation) {
        steps += other.steps
    }
}
