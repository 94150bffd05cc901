/// The outcome of evaluating a `RuleCase`: a result with its explanation, or a refusal saying why not.
///
/// Encodes as `{"kind": "...", "result": {...}, "explanation": {"steps": [...]}}`, or for a refusal
/// `{"kind": "refused", "code": "...", "message": "..."}`.
public enum RuleOutcome: Sendable, Equatable {
    /// The predikat from the quadrant.
    case predikat(Explained<Predikat>)
    /// The weighted model's scores.
    case weighted(Explained<WeightedModelResult>)
    /// The distribution check.
    case distribution(Explained<DistributionCheck.Result>)
    /// A deadline.
    case deadline(Explained<Deadline>)
    /// A coverage decision.
    case coverage(Explained<CoverageDecision>)
    /// Credit points.
    case creditPoints(Explained<CreditPoints.Result>)
    /// The case does not apply to this rule set or its input is unusable.
    case refused(Refusal)

    /// Why a case was not evaluated.
    public struct Refusal: Sendable, Equatable, Codable {
        /// Stable codes.
        public enum Code: String, Sendable, Codable {
            /// The case needs another evaluation model than the tenant's.
            case modelMismatch = "model-mismatch"
            /// The tenant's rule set does not set this window.
            case windowNotSet = "window-not-set"
            /// The input cannot be computed (e.g. a zero target).
            case invalidInput = "invalid-input"
        }

        /// Which refusal.
        public var code: Code
        /// The reason in Bahasa Indonesia.
        public var message: String

        /// Creates a refusal.
        public init(code: Code, message: String) {
            self.code = code
            self.message = message
        }
    }

    /// The explanation, when there is a result.
    public var explanation: Explanation? {
        switch self {
        case .predikat(let value): value.explanation
        case .weighted(let value): value.explanation
        case .distribution(let value): value.explanation
        case .deadline(let value): value.explanation
        case .coverage(let value): value.explanation
        case .creditPoints(let value): value.explanation
        case .refused: nil
        }
    }
}

extension RuleOutcome: Encodable {
    private enum CodingKeys: String, CodingKey { case kind, result, explanation, code, message }

    /// Encodes the documented JSON shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .predikat(let value): try encode(RuleCase.Kind.ratings.rawValue, value, into: &container)
        case .weighted(let value): try encode(RuleCase.Kind.weighted.rawValue, value, into: &container)
        case .distribution(let value): try encode(RuleCase.Kind.distribution.rawValue, value, into: &container)
        case .deadline(let value): try encode(RuleCase.Kind.deadline.rawValue, value, into: &container)
        case .coverage(let value): try encode(RuleCase.Kind.coverage.rawValue, value, into: &container)
        case .creditPoints(let value): try encode(RuleCase.Kind.creditPoints.rawValue, value, into: &container)
        case .refused(let refusal):
            try container.encode("refused", forKey: .kind)
            try container.encode(refusal.code, forKey: .code)
            try container.encode(refusal.message, forKey: .message)
        }
    }

    private func encode<Value: Encodable>(_ kind: String, _ value: Explained<Value>,
                                          into container: inout KeyedEncodingContainer<CodingKeys>) throws {
        try container.encode(kind, forKey: .kind)
        try container.encode(value.value, forKey: .result)
        try container.encode(value.explanation, forKey: .explanation)
    }
}
