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
