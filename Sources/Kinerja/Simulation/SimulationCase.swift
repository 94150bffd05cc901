import Foundation

/// One existing evaluation as a rule-set simulation sees it (issue 4 item 5): who, where, the facts
/// coverage needs, what the evaluator entered, and the result it has now.
public struct SimulationCase: Sendable, Equatable {
    /// The two quadrant ratings an evaluator entered.
    public struct Ratings: Sendable, Equatable {
        public var hasilKerja: Rating
        public var perilakuKerja: Rating

        public init(hasilKerja: Rating, perilakuKerja: Rating) {
            self.hasilKerja = hasilKerja
            self.perilakuKerja = perilakuKerja
        }
    }

    public var evaluationID: UUID
    public var employeeID: UUID
    public var employeeName: String
    /// The employee's perangkat daerah and unit kerja in the period (distribution groups by scope).
    public var perangkatDaerahID: UUID?
    public var unitKerjaID: UUID?
    /// The facts coverage is decided on (type, statuses, the period's last day).
    public var coverage: CoverageQuestion
    /// Excluded from the period now.
    public var excludedNow: Bool
    /// Quadrant ratings, when the evaluation was rated under the quadrant model.
    public var ratings: Ratings?
    /// Weighted-model input, when it was rated under the weighted model.
    public var scores: WeightedModelInput?
    /// The result now: a quadrant predikat or a weighted category (raw value), nil when not rated.
    public var resultNow: String?

    public init(evaluationID: UUID, employeeID: UUID, employeeName: String, perangkatDaerahID: UUID?, unitKerjaID: UUID?,
                coverage: CoverageQuestion, excludedNow: Bool, ratings: Ratings?, scores: WeightedModelInput?,
                resultNow: String?) {
        self.evaluationID = evaluationID
        self.employeeID = employeeID
        self.employeeName = employeeName
        self.perangkatDaerahID = perangkatDaerahID
        self.unitKerjaID = unitKerjaID
        self.coverage = coverage
        self.excludedNow = excludedNow
        self.ratings = ratings
        self.scores = scores
        self.resultNow = resultNow
    }

    /// The distribution group this case falls in under `scope`; the tenant itself for `instansi`.
    func group(under scope: RuleSet.DistributionScope, tenant: UUID) -> UUID? {
        switch scope {
        case .perangkatDaerah: perangkatDaerahID
        case .unitKerja: unitKerjaID
        case .instansi: tenant
        }
    }
}
