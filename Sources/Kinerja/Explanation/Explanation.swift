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

/// One step of an `Explanation`.
public struct ExplanationStep: Sendable, Equatable, Codable {
    /// A named number (or date) shown with a step, e.g. `kuantitas = 100`.
    public struct Figure: Sendable, Equatable, Codable {
        /// What the number is.
        public var name: String
        /// The number as text, exactly as computed (decimals are not re-rounded for display).
        public var value: String

        /// Creates a figure.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }

        /// Creates a figure from any printable value.
        public init(_ name: String, _ value: some CustomStringConvertible) {
            self.init(name, value.description)
        }
    }

    /// The step in Bahasa Indonesia.
    public var text: String
    /// The numbers involved.
    public var figures: [Figure]
    /// The article behind the step, when there is one.
    public var basis: LegalBasis?

    /// Creates a step.
    public init(text: String, figures: [Figure] = [], basis: LegalBasis? = nil) {
        self.text = text
        self.figures = figures
        self.basis = basis
    }
}

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
