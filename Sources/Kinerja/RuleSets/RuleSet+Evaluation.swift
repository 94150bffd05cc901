import Foundation

extension RuleSet {
    /// The evaluation model and its parameters (`$.evaluation`).
    public struct Evaluation: Sendable, Equatable, Encodable {
        /// Quadrant with distribution, or weighted score.
        public var model: EvaluationModel
        /// Where the model comes from.
        public var basis: LegalBasis
        /// Quadrant model: how the distribution of predikat is checked.
        public var distribution: Distribution?
        /// Weighted model: weights of SKP and behaviour.
        public var weights: Weights?
        /// Weighted model: the per-activity formulas.
        public var formulas: Formulas?
        /// Weighted model: how scores are rounded.
        public var rounding: ScoreRounding?
        /// Weighted model: score categories.
        public var categories: Categories?

        /// Creates the evaluation section.
        public init(model: EvaluationModel, basis: LegalBasis, distribution: Distribution? = nil,
                    weights: Weights? = nil, formulas: Formulas? = nil, rounding: ScoreRounding? = nil,
                    categories: Categories? = nil) {
            self.model = model
            self.basis = basis
            self.distribution = distribution
            self.weights = weights
            self.formulas = formulas
            self.rounding = rounding
            self.categories = categories
        }
    }

    /// The two evaluation models in use.
    public enum EvaluationModel: String, Sendable, Codable, CaseIterable {
        /// PermenPANRB 6/2022: results × behaviour ratings give a predikat, within a distribution.
        case quadrant
        /// PP 46/2011 with PerKa BKN 1/2013: numeric SKP and behaviour scores, weighted.
        case weighted
    }

    /// Distribution settings that the texts leave to the tenant (domain.md, "National model").
    public struct Distribution: Sendable, Equatable, Encodable {
        /// The group a distribution applies to.
        public var scope: DistributionScope
        /// How a share of the group becomes a number of people.
        public var rounding: DistributionRounding
        /// Groups smaller than this only get warnings, never a block.
        public var warnOnlyBelow: Int
        /// Where the distribution rule comes from.
        public var basis: LegalBasis

        /// Creates distribution settings.
        public init(scope: DistributionScope, rounding: DistributionRounding, warnOnlyBelow: Int, basis: LegalBasis) {
            self.scope = scope
            self.rounding = rounding
            self.warnOnlyBelow = warnOnlyBelow
            self.basis = basis
        }
    }

    /// The group over which predikat are distributed.
    public enum DistributionScope: String, Sendable, Codable, CaseIterable {
        /// The perangkat daerah whose achievement was set (default).
        case perangkatDaerah = "perangkat-daerah"
        /// Each unit kerja separately.
        case unitKerja = "unit-kerja"
        /// The whole regency.
        case instansi
    }

    /// How shares become head counts.
    public enum DistributionRounding: String, Sendable, Codable, CaseIterable {
        /// A maximum share p of n allows floor(p·n); a minimum share q requires ceil(q·n) (default).
        case floorMaxCeilMin = "floor-max-ceil-min"
        /// Both round half up to the nearest whole person.
        case nearest
    }

    /// Weights of the SKP score and the behaviour score, in percent.
    public struct Weights: Sendable, Equatable, Encodable {
        /// Weight of nilai SKP, percent.
        public var skp: Decimal
        /// Weight of nilai perilaku, percent.
        public var perilaku: Decimal
        /// Where the weights come from.
        public var basis: LegalBasis

        /// Creates weights.
        public init(skp: Decimal, perilaku: Decimal, basis: LegalBasis) {
            self.skp = skp
            self.perilaku = perilaku
            self.basis = basis
        }
    }

    /// The per-activity formulas.
    public struct Formulas: Sendable, Equatable, Encodable {
        /// Which published formulas.
        public var standard: FormulaStandard
        /// The time and cost efficiency (percent) above which the "efficient" branch applies.
        public var efficiencyThreshold: Decimal
        /// Where the formulas come from.
        public var basis: LegalBasis

        /// Creates formula settings.
        public init(standard: FormulaStandard, efficiencyThreshold: Decimal, basis: LegalBasis) {
            self.standard = standard
            self.efficiencyThreshold = efficiencyThreshold
            self.basis = basis
        }
    }

    /// Published formula sets.
    public enum FormulaStandard: String, Sendable, Codable, CaseIterable {
        /// Peraturan Kepala BKN 1/2013.
        case perkaBKN1of2013 = "perka-bkn-1-2013"
    }

    /// Explicit rounding of scores: every aspect, activity, SKP, behaviour and final score.
    public struct ScoreRounding: Sendable, Equatable, Encodable {
        /// Decimal places kept.
        public var scale: Int
        /// The rounding rule.
        public var mode: RoundingMode

        /// Creates a rounding rule.
        public init(scale: Int, mode: RoundingMode) {
            self.scale = scale
            self.mode = mode
        }

        /// Rounds `value` by this rule.
        public func apply(_ value: Decimal) -> Decimal {
            value.rounded(scale: scale, mode: mode.foundationMode)
        }
    }

    /// Rounding rules for scores.
    public enum RoundingMode: String, Sendable, Codable, CaseIterable {
        /// Half away from zero (the usual school rounding).
        case halfUp = "half-up"
        /// Half to even (banker's rounding).
        case halfEven = "half-even"
        /// Truncate toward zero.
        case down

        var foundationMode: NSDecimalNumber.RoundingMode {
            switch self {
            case .halfUp: .plain
            case .halfEven: .bankers
            case .down: .down
            }
        }

        /// The rule in words.
        public var indonesianName: String {
            switch self {
            case .halfUp: "setengah ke atas"
            case .halfEven: "setengah ke genap"
            case .down: "dipotong"
            }
        }
    }

    /// Score categories, best first.
    public struct Categories: Sendable, Equatable, Encodable {
        /// Lower bounds, strictly decreasing, the last 0.
        public var bounds: [CategoryBound]
        /// Behaviour is judged poor at this category or worse (Perbup Pasuruan 117/2019 Pasal 12 ayat (4)).
        public var poorBehaviourAtOrBelow: WeightedCategory
        /// Where the categories come from.
        public var basis: LegalBasis

        /// Creates categories.
        public init(bounds: [CategoryBound], poorBehaviourAtOrBelow: WeightedCategory, basis: LegalBasis) {
            self.bounds = bounds
            self.poorBehaviourAtOrBelow = poorBehaviourAtOrBelow
            self.basis = basis
        }

        /// The best category whose minimum the score reaches.
        public func category(of score: Decimal) -> WeightedCategory {
            bounds.first { score >= $0.min }?.category ?? .buruk
        }
    }

    /// One category and the lowest score that reaches it.
    public struct CategoryBound: Sendable, Equatable, Encodable {
        /// The category.
        public var category: WeightedCategory
        /// The lowest score in it, inclusive.
        public var min: Decimal

        /// Creates a bound.
        public init(category: WeightedCategory, min: Decimal) {
            self.category = category
            self.min = min
        }
    }
}
