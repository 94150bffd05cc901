import Foundation

/// An evaluation's result as an objection decision records it (`objections.previous_result` and
/// `new_result`, migration 0015): the predikat (or weighted category) and what produced it.
public struct ObjectionResult: Sendable, Equatable, Codable {
    /// Quadrant predikat or weighted category, as stored in `evaluations.predikat`.
    public var predikat: String
    /// Quadrant model: the results rating.
    public var hasilKerjaRating: Rating?
    /// Quadrant model: the behaviour rating.
    public var perilakuKerjaRating: Rating?
    /// Weighted model: the input as entered.
    public var scores: WeightedModelInput?
    /// Weighted model: nilai prestasi kerja.
    public var nilai: Decimal?

    /// Creates a result.
    public init(predikat: String, hasilKerjaRating: Rating? = nil, perilakuKerjaRating: Rating? = nil,
                scores: WeightedModelInput? = nil, nilai: Decimal? = nil) {
        self.predikat = predikat
        self.hasilKerjaRating = hasilKerjaRating
        self.perilakuKerjaRating = perilakuKerjaRating
        self.scores = scores
        self.nilai = nilai
    }
}
